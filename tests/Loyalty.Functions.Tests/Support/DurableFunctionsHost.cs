using Azure.Storage.Queues;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Referrals;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Expiry;
using Loyalty.Functions.Redemptions;
using Loyalty.Functions.Referrals;
using Loyalty.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Functions.Tests.Support;

/// <summary>
/// The app's services against the shared Azurite, with the redemption and clearing orchestrators and their activities running for real in
/// the in-process Durable host. The HTTP functions get its client as their <c>[DurableClient]</c>.
/// </summary>
public sealed class DurableFunctionsHost : IAsyncLifetime
{
    /// <summary>Long enough never to fire during a test that ships or cancels; the deadline test starts its own instance with a short one.</summary>
    public static readonly TimeSpan ShippingDeadline = TimeSpan.FromMinutes(5);

    /// <summary>Referral drivers look at their row again this often, so a test that moves the clock sees them act within seconds.</summary>
    public static readonly TimeSpan ReferralRecheck = TimeSpan.FromSeconds(1);

    private readonly AzuriteFixture _azurite = new();
    private DurableTaskTestHost? _durable;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public IServiceProvider Services => Durable.Services;

    public DurableTaskClient Client => Durable.Client;

    private DurableTaskTestHost Durable => _durable ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Set before <see cref="InitializeAsync"/> to replace services (e.g. a failing code pool).</summary>
    public Action<IServiceCollection>? Override { get; init; }

    public string QueueName { get; private set; } = string.Empty;

    public QueueClient Queue => _azurite.CreateQueueServiceClient().GetQueueClient(QueueName);

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        QueueName = _azurite.UniqueName("accrual");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = _azurite.ConnectionString,
            ["Storage:TablePrefix"] = _azurite.UniqueName("t"),
            ["AccrualQueueName"] = QueueName,
            ["Redemptions:ShippingDeadline"] = ShippingDeadline.ToString(),
            ["Security:PhoneHashKey"] = TestSecrets.NewPhoneHashKey(),
            ["Security:FieldKeys"] = TestSecrets.NewFieldKeys(),
        }).Build();
        _durable = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                registry.AddOrchestrator<RedemptionOrchestrator>();
                registry.AddActivity<ReserveGiftStockActivity>(ReserveGiftStockActivity.Name);
                registry.AddActivity<DebitRedemptionPointsActivity>(DebitRedemptionPointsActivity.Name);
                registry.AddActivity<FulfilRedemptionActivity>(FulfilRedemptionActivity.Name);
                registry.AddActivity<RecordRedemptionShipmentActivity>(RecordRedemptionShipmentActivity.Name);
                registry.AddActivity<NotifyRedemptionActivity>(NotifyRedemptionActivity.Name);
                registry.AddActivity<RefundRedemptionPointsActivity>(RefundRedemptionPointsActivity.Name);
                registry.AddActivity<ReleaseGiftStockActivity>(ReleaseGiftStockActivity.Name);
                registry.AddActivity<CloseRedemptionActivity>(CloseRedemptionActivity.Name);
                registry.AddOrchestrator<ClearingOrchestrator>();
                registry.AddActivity<CountClearingMembersActivity>(CountClearingMembersActivity.Name);
                registry.AddActivity<ListClearingPageActivity>(ListClearingPageActivity.Name);
                registry.AddActivity<ClearMembersActivity>(ClearMembersActivity.Name);
                registry.AddActivity<RecordClearingProgressActivity>(RecordClearingProgressActivity.Name);
                registry.AddOrchestrator<ReferralOrchestrator>();
                registry.AddActivity<ReviewReferralActivity>(ReviewReferralActivity.Name);
                registry.AddActivity<RewardReferralActivity>(RewardReferralActivity.Name);
            },
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddLogging();
                    services.AddSingleton<IConfiguration>(configuration);
                    services.AddLoyaltyFunctions(configuration);
                    services.AddSingleton<TimeProvider>(Time);
                    services.AddSingleton(new ReferralSettings(ReferralRecheck));
                    Override?.Invoke(services);
                },
            });
    }

    public async Task DisposeAsync()
    {
        if (_durable is not null)
        {
            await _durable.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    public T Function<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(Services);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Credits queued purchases and refunds, as the queue trigger would.</summary>
    public Task<int> DrainQueueAsync() =>
        AccrualQueueDrain.DrainAsync(Queue, Function<Loyalty.Functions.Purchases.PurchaseFunctions>(), Client);

    public async Task<TenantKeys> NewTenantAsync()
    {
        var tenants = Get<TenantService>();
        var id = "t" + Guid.NewGuid().ToString("N")[..12];
        var created = await tenants.CreateTenantAsync(id, "Test shop", CancellationToken.None);
        var pos = await tenants.IssueKeyAsync(id, ApiKeyScope.Pos, "pos", CancellationToken.None);
        var storefront = await tenants.IssueKeyAsync(id, ApiKeyScope.Storefront, "web", CancellationToken.None);
        return new TenantKeys(id, created.Value.AdminKey.Secret, pos.Secret, storefront.Secret);
    }

    /// <summary>Waits for the instance to finish (bounded, so a stuck orchestration fails the test rather than hanging it).</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancel.Token);
    }

    public static RedemptionInput Input(string tenantId, string redemptionId, string memberId, string giftId, TimeSpan? deadline = null) =>
        new(tenantId, redemptionId, memberId, giftId, deadline ?? ShippingDeadline);
}
