using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Loyalty.Core.Activities;
using Loyalty.Core.Donations;
using Loyalty.Core.Family;
using Loyalty.Core.Freezes;
using Loyalty.Core.Ledger;
using Loyalty.Core.Lottery;
using Loyalty.Core.Gifts;
using Loyalty.Core.Members;
using Loyalty.Core.Pos;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Refunds;
using Loyalty.Core.Sagas;
using Loyalty.Core.Tenants;
using Loyalty.Infrastructure.Events;
using Loyalty.Infrastructure.Identity;
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
        var credential = new Lazy<TokenCredential>(() => ConnectionCredential.Create(options.ClientId, options.Credential));
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
        services.AddSingleton<IAccrualQueue, StorageAccrualQueue>();
        services.AddLoyaltyEvents(configuration);
        services.AddSingleton(_ => new PhoneHashKey(ReadPhoneHashKey(configuration, options)));
        services.AddSingleton<ITierReviewSchedule, TableTierReviewSchedule>();
        services.AddSingleton<LedgerService>(sp => new LedgerService(sp.GetRequiredService<ILedgerStore>(), sp.GetRequiredService<TimeProvider>(), tierReviews: sp.GetRequiredService<ITierReviewSchedule>()));
        services.AddSingleton<TierReviewService>();
        services.AddSingleton<ProgramService>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<MemberService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<IMemberContacts, MemberContacts>();
        services.AddSingleton<AdjustmentService>();
        services.AddSingleton<PurchaseService>();
        services.AddSingleton<RefundService>();
        services.AddSingleton<ActivityService>();
        services.AddLoyaltyWebhooks();
        services.AddLoyaltyPosAndTransfers();
        services.AddLoyaltyGifts();
        return services;
    }

    /// <summary>The gift catalog, its stock and code pool, and redemptions.</summary>
    public static IServiceCollection AddLoyaltyGifts(this IServiceCollection services)
    {
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

    /// <summary>Points as cash, freeze, family transfers, donations and lotteries.</summary>
    public static IServiceCollection AddLoyaltyPosAndTransfers(this IServiceCollection services)
    {
        services.AddSingleton<IFamilyStore, TableFamilyStore>();
        services.AddSingleton<ITransferStore, TableTransferStore>();
        services.AddSingleton<ICharityStore, TableCharityStore>();
        services.AddSingleton<ILotteryStore, TableLotteryStore>();
        services.AddSingleton<IPendingSagas, TablePendingSagas>();
        services.AddSingleton<HoldService>();
        services.AddSingleton<FreezeService>();
        services.AddSingleton<FamilyService>();
        services.AddSingleton<TransferService>();
        services.AddSingleton<DonationService>();
        services.AddSingleton<LotteryService>();
        services.AddSingleton<PendingSagaTidyUp>();
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
            TableServiceUri = ServiceUri(section, "tableServiceUri"),
            QueueServiceUri = ServiceUri(section, "queueServiceUri"),
            ClientId = section["clientId"],
            Credential = section["credential"],
            TablePrefix = configuration["Storage:TablePrefix"] ?? string.Empty,
            AccrualQueueName = configuration["AccrualQueueName"] ?? "accrual",
        };
    }

    private static Uri? ServiceUri(IConfigurationSection section, string name) =>
        section[name] is not { Length: > 0 } value
            ? null
            : Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                ? uri
                : throw new InvalidOperationException($"'{StorageConnection}__{name}' must be an absolute https URI such as https://account.table.core.windows.net/, not '{value}'.");

    /// <summary>
    /// The phone hash key. Only local storage (a connection string) may fall back to a development key: against real
    /// storage, hashes written with the wrong key would make those members unfindable by phone.
    /// </summary>
    private static byte[] ReadPhoneHashKey(IConfiguration configuration, StorageOptions storage)
    {
        if (configuration["Security:PhoneHashKey"] is not { Length: > 0 } key)
        {
            return storage.ConnectionString is not null
                ? System.Text.Encoding.UTF8.GetBytes("loyalty-functions-local-development-only")
                : throw new InvalidOperationException("'Security__PhoneHashKey' is not set: storage is reached through a managed identity, so this is a real deployment and needs the deployment's key (Key Vault secret Security--PhoneHashKey).");
        }

        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var length) && length >= 16
            ? bytes[..length]
            : throw new InvalidOperationException("'Security__PhoneHashKey' must be base64 of at least 16 random bytes.");
    }

    private static InvalidOperationException MissingSetting(string name) =>
        new($"Storage is not configured: set '{StorageConnection}' to a connection string, or '{StorageConnection}__{name}' to use a managed identity.");
}
