using Loyalty.Core.Audit;
using Loyalty.Core.Donations;
using Loyalty.Core.Events;
using Loyalty.Core.Expiry;
using Loyalty.Core.Family;
using Loyalty.Core.Gifts;
using Loyalty.Core.Insights.Projections;
using Loyalty.Core.Ledger;
using Loyalty.Core.Lottery;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Redrive;
using Loyalty.Core.Referrals;
using Loyalty.Core.Refunds;
using Loyalty.Core.Reminders;
using Loyalty.Core.Sagas;
using Loyalty.Core.Tenants;
using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Infrastructure.Outbox;
using Loyalty.Infrastructure.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Infrastructure.Tables;

public static class TableStoreRegistration
{
    /// <summary>Every Core store port, implemented on Table Storage.</summary>
    public static IServiceCollection AddTableStores(this IServiceCollection services)
    {
        services.AddSingleton<TableLedgerStore>();
        services.AddSingleton<TableOutboxIntents>();
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton<TableOutbox>();
        services.AddSingleton<IOutboxRelay>(sp => sp.GetRequiredService<OutboxRelay>());
        services.AddSingleton<ILedgerStore>(sp => new MemberDirectoryProjection(
            new OutboxLedgerStore(sp.GetRequiredService<TableLedgerStore>(), sp.GetRequiredService<TableOutbox>()),
            sp.GetRequiredService<IMemberDirectory>()));
        services.AddSingleton<ITierReviewSchedule, TableTierReviewSchedule>();
        services.AddSingleton<ITenantStore, TableTenantStore>();
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<IProgramStore, TableProgramStore>();
        services.AddSingleton<IMemberDirectory, TableMemberDirectory>();
        services.AddSingleton<IPurchaseStore, TablePurchaseStore>();
        services.AddSingleton<IRefundStore, TableRefundStore>();
        services.AddSingleton<IWebhookChannelStore, TableWebhookChannelStore>();
        services.AddSingleton<INonceStore, TableNonceStore>();
        services.AddSingleton<IWeChatBindingStore, TableWeChatBindingStore>();
        services.AddSingleton<IWeChatMessageLog, TableWeChatMessageLog>();
        services.AddSingleton<IGiftCatalog, TableGiftCatalog>();
        services.AddSingleton<IGiftCodePool, TableGiftCodePool>();
        services.AddSingleton<IRedemptionStore, TableRedemptionStore>();
        services.AddSingleton<INotificationOutbox, TableNotificationOutbox>();
        services.AddSingleton<IFamilyStore, TableFamilyStore>();
        services.AddSingleton<ITransferStore, TableTransferStore>();
        services.AddSingleton<IMergeStore, TableMergeStore>();
        services.AddSingleton<ICharityStore, TableCharityStore>();
        services.AddSingleton<ILotteryStore, TableLotteryStore>();
        services.AddSingleton<IPendingSagas, TablePendingSagas>();
        services.AddSingleton<IExpiryIndex, TableExpiryIndex>();
        services.AddSingleton<IClearingRunStore, TableClearingRunStore>();
        services.AddSingleton<IReferralCodeStore, TableReferralCodeStore>();
        services.AddSingleton<IReferralStore, TableReferralStore>();
        services.AddSingleton<IAdminAuditLog, TableAdminAuditLog>();
        services.AddSingleton<ISmsOutbox, TableSmsOutbox>();
        services.AddSingleton<ISmsSendLog, TableSmsSendLog>();
        services.AddSingleton<IInsightsStore, TableInsightsStore>();
        services.AddSingleton<IQueuedWorkIndex, TableQueuedWorkIndex>();
        services.AddSingleton<TableEventFeed>();
        services.AddSingleton<IEventFeed>(sp => sp.GetRequiredService<TableEventFeed>());
        services.AddSingleton<IEventFeedRetention>(sp => sp.GetRequiredService<TableEventFeed>());
        return services;
    }

    /// <summary>The pull feed's retention and read lag (section <c>EventFeed</c>).</summary>
    public static IServiceCollection AddEventFeedSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.BindSettings<EventFeedOptions>(configuration, EventFeedOptions.Section)
            .Validate(
                o => o.IsValid,
                $"'{EventFeedOptions.Section}__{nameof(EventFeedOptions.RetentionDays)}' must be 1-{EventFeedOptions.MaxRetentionDays} days and '{EventFeedOptions.Section}__{nameof(EventFeedOptions.ReadLag)}' a time span from 00:00:00 to {EventFeedOptions.MaxReadLag}.")
            .ValidateOnStart();
        return services;
    }
}
