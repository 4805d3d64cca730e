using Loyalty.Core.Activities;
using Loyalty.Core.Audit;
using Loyalty.Core.Donations;
using Loyalty.Core.Expiry;
using Loyalty.Core.Family;
using Loyalty.Core.Freezes;
using Loyalty.Core.Gifts;
using Loyalty.Core.Insights.Projections;
using Loyalty.Core.Ledger;
using Loyalty.Core.Lottery;
using Loyalty.Core.Members;
using Loyalty.Core.Pos;
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
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions;

/// <summary>Core's use cases, grouped by what the function classes do with them. The stores they use come from Infrastructure.</summary>
public static class UseCaseRegistration
{
    /// <summary>The ledger and what earns or adjusts points: programs and tiers, tenants, members, purchases, refunds (and the re-drive of those still queued), activities.</summary>
    public static IServiceCollection AddEarningUseCases(this IServiceCollection services)
    {
        services.AddSingleton<LedgerService>();
        services.AddSingleton<TierReviewService>();
        services.AddSingleton<ProgramService>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<PhoneClaims>();
        services.AddSingleton<ReferralCodes>();
        services.AddSingleton<ReferralService>();
        services.AddSingleton<ReferralEnrolment>();
        services.AddSingleton(ReferralSettings.Default);
        services.AddSingleton<ReferralDriver>();
        services.AddSingleton<InsightsProjector>();
        services.AddSingleton<InsightsRebuilder>();
        services.AddSingleton<InsightsReports>();
        services.AddSingleton<MemberService>();
        services.AddSingleton<MemberSearch>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<ErasureService>();
        services.AddSingleton<MemberExportService>();
        services.AddSingleton<MergeService>();
        services.AddSingleton<SagasInFlight>();
        services.AddSingleton<AdjustmentService>();
        services.AddSingleton<AdminAudit>();
        services.AddSingleton<PurchaseService>();
        services.AddSingleton<RefundService>();
        services.AddSingleton<QueuedWorkRedriver>();
        services.AddSingleton<ActivityService>();
        return services;
    }

    /// <summary>Clearing of expired points (driven by the clearing orchestration) and the expiry forecast.</summary>
    public static IServiceCollection AddExpiryUseCases(this IServiceCollection services)
    {
        services.AddSingleton(ClearingSettings.Default);
        services.AddSingleton<ClearingService>();
        services.AddSingleton<ExpiryForecastService>();
        services.AddSingleton<ReminderService>();
        return services;
    }

    /// <summary>Signed webhooks: channels, the replay guard, JSON events and WeChat official accounts.</summary>
    public static IServiceCollection AddWebhookUseCases(this IServiceCollection services)
    {
        services.AddSingleton<WebhookGuard>();
        services.AddSingleton<WebhookChannelService>();
        services.AddSingleton<ChannelGrants>();
        services.AddSingleton<WeChatBindingService>();
        services.AddSingleton<WeChatErasure>();
        services.AddSingleton<WeChatActions>();
        services.AddSingleton<WeChatEventHandler>();
        services.AddSingleton<WeChatPushService>();
        services.AddSingleton<WeChatMessageService>();
        services.AddSingleton<WebhookService>();
        return services;
    }

    /// <summary>Spending other than gifts: points as cash at the POS, freezes, family transfers, donations, lotteries, and the tidy-up of their sagas.</summary>
    public static IServiceCollection AddSpendingUseCases(this IServiceCollection services)
    {
        services.AddSingleton<HoldService>();
        services.AddSingleton<FreezeService>();
        services.AddSingleton<FamilyService>();
        services.AddSingleton<TransferService>();
        services.AddSingleton<DonationService>();
        services.AddSingleton<LotteryService>();
        services.AddSingleton<PendingSagaTidyUp>();
        return services;
    }

    /// <summary>The gift catalog, its stock and code pool, and redemptions with their fulfilment.</summary>
    public static IServiceCollection AddGiftUseCases(this IServiceCollection services)
    {
        services.AddSingleton<GiftService>();
        services.AddSingleton<GiftStockService>();
        services.AddSingleton<GiftFulfilment>();
        services.AddSingleton<RedemptionService>();
        services.AddSingleton<RedemptionWorkflow>();
        return services;
    }
}
