using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Loyalty.Core.Activities;
using Loyalty.Core.Ledger;
using Loyalty.Core.Gifts;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Refunds;
using Loyalty.Core.Tenants;
using Loyalty.Core.Webhooks;
using Loyalty.Infrastructure.Queues;
using Loyalty.Infrastructure.Storage;
using Loyalty.Infrastructure.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The storage connection's name: a connection string under this key, or <c>LoyaltyStorage__tableServiceUri</c>/<c>__queueServiceUri</c> with a managed identity.</summary>
    public const string StorageConnection = "LoyaltyStorage";

    public static IServiceCollection AddLoyaltyInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ReadStorageOptions(configuration);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        var credential = new Lazy<TokenCredential>(() => CreateCredential(options.ClientId));
        services.AddSingleton(_ => options.ConnectionString is { } cs
            ? new TableServiceClient(cs)
            : new TableServiceClient(options.TableServiceUri ?? throw MissingSetting("tableServiceUri"), credential.Value));
        services.AddSingleton(_ => options.ConnectionString is { } cs
            ? new QueueServiceClient(cs, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })
            : new QueueServiceClient(options.QueueServiceUri ?? throw MissingSetting("queueServiceUri"), credential.Value, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        services.AddSingleton<LoyaltyTables>();
        services.AddSingleton<ILedgerStore, TableLedgerStore>();
        services.AddSingleton<ITenantStore, TableTenantStore>();
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<IProgramStore, TableProgramStore>();
        services.AddSingleton<IMemberDirectory, TableMemberDirectory>();
        services.AddSingleton<IPurchaseStore, TablePurchaseStore>();
        services.AddSingleton<IRefundStore, TableRefundStore>();
        services.AddSingleton<IWebhookChannelStore, TableWebhookChannelStore>();
        services.AddSingleton<INonceStore, TableNonceStore>();
        services.AddSingleton<IAccrualQueue, StorageAccrualQueue>();
        services.AddSingleton(new PhoneHashKey(ReadPhoneHashKey(configuration)));
        services.AddSingleton<LedgerService>(sp => new LedgerService(sp.GetRequiredService<ILedgerStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ProgramService>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<MemberService>();
        services.AddSingleton<AdjustmentService>();
        services.AddSingleton<PurchaseService>();
        services.AddSingleton<RefundService>();
        services.AddSingleton<ActivityService>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<IGiftCatalog, TableGiftCatalog>();
        services.AddSingleton<IGiftCodePool, TableGiftCodePool>();
        services.AddSingleton<IRedemptionStore, TableRedemptionStore>();
        services.AddSingleton<INotificationOutbox, TableNotificationOutbox>();
        services.AddSingleton(sp => new GiftService(sp.GetRequiredService<IGiftCatalog>(), sp.GetRequiredService<IGiftCodePool>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new GiftStockService(sp.GetRequiredService<IGiftCatalog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GiftFulfilment>();
        services.AddSingleton<RedemptionService>();
        services.AddSingleton<RedemptionWorkflow>();
        return services;
    }

    public static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(StorageConnection);
        var connectionString = section.Value ?? configuration.GetConnectionString(StorageConnection);
        return new StorageOptions
        {
            ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            TableServiceUri = section["tableServiceUri"] is { Length: > 0 } t ? new Uri(t) : null,
            QueueServiceUri = section["queueServiceUri"] is { Length: > 0 } q ? new Uri(q) : null,
            ClientId = section["clientId"],
            TablePrefix = configuration["Storage:TablePrefix"] ?? string.Empty,
            AccrualQueueName = configuration["AccrualQueueName"] ?? "accrual",
        };
    }

    private static TokenCredential CreateCredential(string? clientId) =>
        string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));

    private static byte[] ReadPhoneHashKey(IConfiguration configuration) =>
        configuration["Security:PhoneHashKey"] is { Length: > 0 } key
            ? Convert.FromBase64String(key)
            : System.Text.Encoding.UTF8.GetBytes("loyalty-functions-local-development-only");

    private static InvalidOperationException MissingSetting(string name) =>
        new($"Storage is not configured: set '{StorageConnection}' to a connection string, or '{StorageConnection}__{name}' to use a managed identity.");
}
