using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Loyalty.Core.Tenants;
using Loyalty.Functions;
using Loyalty.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Functions.Tests.Support;

/// <summary>
/// The function classes wired exactly as the app wires them, against the shared Azurite, with isolated tables and
/// queue per test class. Functions are called directly: an HttpRequest in, an IActionResult executed into a response.
/// </summary>
public class FunctionsHost : IAsyncLifetime
{
    public const string BootstrapSecret = "test-bootstrap-secret-0123456789";

    private readonly AzuriteFixture _azurite = new();
    private ServiceProvider? _services;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public string QueueName { get; private set; } = string.Empty;

    public QueueClient Queue => _azurite.CreateQueueServiceClient().GetQueueClient(QueueName);

    public QueueClient PoisonQueue => _azurite.CreateQueueServiceClient().GetQueueClient(QueueName + "-poison");

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        QueueName = _azurite.UniqueName("accrual");
        var settings = new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = _azurite.ConnectionString,
            ["Storage:TablePrefix"] = _azurite.UniqueName("t"),
            ["AccrualQueueName"] = QueueName,
            ["Bootstrap:Secret"] = BootstrapSecret,
            ["Security:PhoneHashKey"] = TestSecrets.NewPhoneHashKey(),
            ["Security:FieldKeys"] = TestSecrets.NewFieldKeys(),
        };
        Configure(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddLoyaltyFunctions(configuration);
        services.AddSingleton<TimeProvider>(Time);
        Configure(services);
        _services = services.BuildServiceProvider();
    }

    /// <summary>Where a fixture of its own adds or changes the app's settings.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Where a fixture of its own replaces a seam of the app (the last registration wins).</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    public T Function<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(Services);

    /// <summary>Creates a tenant and returns keys of every scope.</summary>
    public async Task<TenantKeys> NewTenantAsync()
    {
        var tenants = Services.GetRequiredService<TenantService>();
        var id = "t" + Guid.NewGuid().ToString("N")[..12];
        var created = await tenants.CreateTenantAsync(id, "Test shop", CancellationToken.None);
        var pos = await tenants.IssueKeyAsync(id, ApiKeyScope.Pos, "pos", CancellationToken.None);
        var storefront = await tenants.IssueKeyAsync(id, ApiKeyScope.Storefront, "web", CancellationToken.None);
        return new TenantKeys(id, created.Value.AdminKey.Secret, pos.Secret, storefront.Secret);
    }

    /// <summary>Takes every message off the accrual queue and runs the queue-triggered function on each, as the host would.</summary>
    public Task<int> DrainQueueAsync() => AccrualQueueDrain.DrainAsync(Queue, Function<Loyalty.Functions.Purchases.PurchaseFunctions>(), NoDurable.Client);

    public async Task SaveRulesAsync(string tenantId, Core.Programs.ProgramRules rules)
    {
        var saved = await Services.GetRequiredService<Core.Programs.ProgramService>().SaveAsync(tenantId, rules, null, "test", CancellationToken.None);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
    }

    public Task<Response> RegisterAsync(string apiKey, object body) =>
        CallAsync(Request("POST", "/api/v1/members", body, apiKey), r => Function<Loyalty.Functions.Members.MemberFunctions>().Register(r, NoDurable.Client, CancellationToken.None));

    public Task<Response> MemberAsync(string apiKey, string memberId) =>
        CallAsync(Request("GET", $"/api/v1/members/{memberId}", apiKey: apiKey), r => Function<Loyalty.Functions.Members.MemberFunctions>().Get(r, memberId, CancellationToken.None));

    public Task<Response> PurchaseAsync(string apiKey, object body) =>
        CallAsync(Request("POST", "/api/v1/purchases", body, apiKey), r => Function<Loyalty.Functions.Purchases.PurchaseFunctions>().Submit(r, CancellationToken.None));

    public static HttpRequest Request(string method, string path, object? body = null, string? apiKey = null, IDictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var request = context.Request;
        request.Method = method;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        request.Path = query < 0 ? path : path[..query];
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        if (apiKey is not null)
        {
            request.Headers["X-Api-Key"] = apiKey;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body, Core.Common.LoyaltyJson.Options);
            request.Body = new MemoryStream(Encoding.UTF8.GetBytes(text));
            request.ContentType = "application/json";
        }

        return request;
    }

    /// <summary>Executes the result into the request's response and reads it back.</summary>
    public static async Task<Response> ExecuteAsync(HttpRequest request, IActionResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var json = text.Length > 0 && context.Response.ContentType?.Contains("json", StringComparison.Ordinal) == true ? JsonNode.Parse(text) : null;
        return new Response(context.Response.StatusCode, context.Response.ContentType, json, context.Response.Headers) { Text = text };
    }

    public static async Task<Response> CallAsync(HttpRequest request, Func<HttpRequest, Task<IActionResult>> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return await ExecuteAsync(request, await function(request));
    }
}

public sealed record TenantKeys(string TenantId, string Admin, string Pos, string Storefront);

public sealed record Response(int Status, string? ContentType, JsonNode? Body, IHeaderDictionary Headers)
{
    public string Text { get; init; } = string.Empty;

    public string? Code => Body?["code"]?.GetValue<string>();

    public JsonNode Json => Body ?? throw new InvalidOperationException("The response has no body.");
}
