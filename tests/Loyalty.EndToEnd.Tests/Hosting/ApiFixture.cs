using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.EndToEnd.Tests.Hosting;

/// <summary>
/// One dev host per test class against the shared test Azurite, isolated by its own table prefix and accrual queue,
/// so classes running in parallel never see each other's data or messages.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public const string BootstrapSecret = "end-to-end-bootstrap-secret-0123456789";

    private readonly AzuriteFixture _azurite = new();
    private DevHostServer? _server;

    public string TablePrefix { get; private set; } = string.Empty;

    public string QueueName { get; private set; } = string.Empty;

    public AzuriteFixture Azurite => _azurite;

    public DevHostServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client => Server.Client;

    /// <summary>Settings a class may add to; the defaults are a fast poller and this class's storage names.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Services a class may replace after the app's own (e.g. the clock).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        TablePrefix = _azurite.UniqueName("e2e");
        QueueName = _azurite.UniqueName("accrual");
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["LoyaltyStorage"] = _azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["AccrualQueueName"] = QueueName,
            ["Bootstrap:Secret"] = BootstrapSecret,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500",
        };
        Configure(settings);
        _server = await DevHostServer.StartAsync(settings, services: ConfigureServices);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    /// <summary>A new tenant through the public bootstrap endpoint, with its admin key and a fresh POS key.</summary>
    public async Task<TestTenant> CreateTenantAsync(string name)
    {
        var tenantId = $"{name}-{Guid.NewGuid().ToString("N")[..8]}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/tenants")
        {
            Content = JsonContent.Create(new { tenantId, name }),
        };
        request.Headers.Add("X-Bootstrap-Secret", BootstrapSecret);
        using var created = await Client.SendAsync(request);
        var tenant = await Json.ReadAsync(created, 201);
        var adminKey = tenant["adminKey"]!["secret"]!.GetValue<string>();

        using var keyRequest = new HttpRequestMessage(HttpMethod.Post, "api/v1/keys") { Content = JsonContent.Create(new { scope = "pos", name = "till 1" }) };
        keyRequest.Headers.Add("X-Api-Key", adminKey);
        using var issued = await Client.SendAsync(keyRequest);
        var posKey = (await Json.ReadAsync(issued, 201))["secret"]!.GetValue<string>();
        return new TestTenant(tenantId, adminKey, posKey);
    }
}
