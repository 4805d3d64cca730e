using Loyalty.Core.Activities;
using Loyalty.Core.Common;
using Loyalty.Core.Donations;
using Loyalty.Core.Family;
using Loyalty.Core.Gifts;
using Loyalty.Core.Lottery;
using Loyalty.Core.Members;
using Loyalty.Core.Pos;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;
using Loyalty.Core.Referrals;
using Loyalty.Core.Reminders;
using Loyalty.Core.Refunds;
using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Functions.Gifts;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Refunds;

namespace Loyalty.Functions.OpenApi;

/// <summary>A bound as the API description shows it: on a property of a component schema.</summary>
/// <param name="Property">The property; <c>name[]</c> for the items of a list, <c>name{}</c> for the values of a map, a list property itself for its number of items.</param>
public sealed record SchemaBound(Type Schema, string Property, Bound Bound)
{
    /// <summary>The component schema the bound is shown on.</summary>
    public string SchemaName => ComponentSchemas.NameOf(Schema);
}

/// <summary>
/// Where every number of every request body is bounded in the API description. The validators check the very same
/// <see cref="Bound"/> objects, and the generated API description writes them from this list (minimum/maximum,
/// exclusiveMinimum/Maximum, minItems/maxItems); OpenApiDocumentTests fails on a request number with no bound here.
/// </summary>
public static class RequestBounds
{
    public static IReadOnlyList<SchemaBound> All { get; } =
    [
        new(typeof(PurchaseRequest), "lines", PurchaseBounds.Lines),
        new(typeof(PurchaseRequest), "cashPaid", PurchaseBounds.CashPaid),
        new(typeof(PurchaseRequest), "pointsPaid", PurchaseBounds.PointsPaid),
        new(typeof(PurchaseRequest), "holdIds", PurchaseBounds.HoldIds),
        new(typeof(PurchaseLineRequest), "quantity", PurchaseBounds.Quantity),
        new(typeof(PurchaseLineRequest), "unitPrice", PurchaseBounds.UnitPrice),

        new(typeof(RefundBody), "lines", RefundBounds.Lines),
        new(typeof(RefundBody), "amount", RefundBounds.Amount),
        new(typeof(RefundLineBody), "quantity", RefundBounds.Quantity),

        new(typeof(QuoteRequest), "lines", PosBounds.BasketLines),
        new(typeof(HoldRequest), "lines", PosBounds.BasketLines),
        new(typeof(HoldRequest), "points", PosBounds.HoldPoints),
        new(typeof(BasketLine), "quantity", PurchaseBounds.Quantity),
        new(typeof(BasketLine), "unitPrice", PurchaseBounds.UnitPrice),

        new(typeof(Adjustment), "delta", AdjustmentBounds.Delta),
        new(typeof(Grant), "memberIds", GrantBounds.MemberIds),
        new(typeof(Grant), "points", GrantBounds.Points),
        new(typeof(TransferRequest), "points", TransferBounds.Points),
        new(typeof(DonationRequest), "points", DonationBounds.Points),

        new(typeof(LotteryRequest), "costPoints", LotteryBounds.CostPoints),
        new(typeof(LotteryRequest), "noPrizeWeight", LotteryBounds.NoPrizeWeight),
        new(typeof(LotteryRequest), "prizes", LotteryBounds.Prizes),
        new(typeof(LotteryPrizeRequest), "weight", LotteryBounds.PrizeWeight),
        new(typeof(LotteryPrizeRequest), "stock", LotteryBounds.PrizeStock),

        new(typeof(GiftDefinition), "images", GiftBounds.Images),
        new(typeof(GiftDefinition), "pointsPrice", GiftBounds.PointsPrice),
        new(typeof(GiftDefinition), "perMemberLimit", GiftBounds.PerMemberLimit),
        new(typeof(CouponTerms), "amountOff", GiftBounds.CouponAmountOff),
        new(typeof(CouponTerms), "percentOff", GiftBounds.CouponPercentOff),
        new(typeof(CouponTerms), "validDays", GiftBounds.ValidDays),
        new(typeof(CouponTerms), "minimumSpend", GiftBounds.CouponMinimumSpend),
        new(typeof(ServiceTerms), "validDays", GiftBounds.ValidDays),
        new(typeof(ServiceTerms), "durationMinutes", GiftBounds.ServiceDurationMinutes),
        new(typeof(StockAdjustment), "delta", GiftBounds.StockDelta),
        new(typeof(CodeLoad), "codes", GiftBounds.Codes),

        new(typeof(EarningRules), "baseRatePoints", ProgramBounds.BaseRatePoints),
        new(typeof(EarningRules), "baseRatePer", ProgramBounds.BaseRatePer),
        new(typeof(EarningRules), "returnWindowDays", ProgramBounds.ReturnWindowDays),
        new(typeof(EarningRules), "maxPointsPerOrder", ProgramBounds.MaxPointsPerOrder),
        new(typeof(EarningRules), "categoryMultipliers{}", ProgramBounds.EarnMultiplier),
        new(typeof(EarningRules), "skuMultipliers{}", ProgramBounds.EarnMultiplier),
        new(typeof(LadderStep), "minAmount", ProgramBounds.LadderMinAmount),
        new(typeof(LadderStep), "points", ProgramBounds.RulePoints),
        new(typeof(Campaign), "multiplier", ProgramBounds.BoostMultiplier),
        new(typeof(Campaign), "bonusPoints", ProgramBounds.RulePoints),
        new(typeof(Campaign), "daysOfWeek[]", ProgramBounds.DayOfWeek),
        new(typeof(Campaign), "daysOfMonth[]", ProgramBounds.DayOfMonth),
        new(typeof(Campaign), "maxBonusPerOrder", ProgramBounds.MaxBonusPerOrder),
        new(typeof(BirthdayBenefit), "multiplier", ProgramBounds.BoostMultiplier),
        new(typeof(BirthdayBenefit), "bonusPoints", ProgramBounds.RulePoints),
        new(typeof(ExpiryPolicy), "months", ProgramBounds.ExpiryMonths),
        new(typeof(ExpiryPolicy), "clearingMonth", ProgramBounds.ClearingMonth),
        new(typeof(ExpiryPolicy), "clearingDay", ProgramBounds.ClearingDay),
        new(typeof(ActivityRules), "signUpBonus", ProgramBounds.RulePoints),
        new(typeof(CheckInRules), "points", ProgramBounds.RulePoints),
        new(typeof(CheckInRules), "cycleDays", ProgramBounds.CycleDays),
        new(typeof(StreakBonus), "day", ProgramBounds.StreakDay),
        new(typeof(StreakBonus), "points", ProgramBounds.RulePoints),
        new(typeof(ShareRule), "points", ProgramBounds.RulePoints),
        new(typeof(ShareRule), "dailyCap", ProgramBounds.DailyCap),
        new(typeof(TaskRule), "points", ProgramBounds.RulePoints),
        new(typeof(TaskRule), "maxPerPeriod", ProgramBounds.MaxPerPeriod),
        new(typeof(TierLevel), "threshold", ProgramBounds.TierThreshold),
        new(typeof(TierLevel), "earnMultiplier", ProgramBounds.EarnMultiplier),
        new(typeof(TierLevel), "discountRate", ProgramBounds.DiscountRate),
        new(typeof(TierRules), "retentionMonths", ProgramBounds.RetentionMonths),
        new(typeof(PointsCashRules), "pointsPerYuan", ProgramBounds.PointsPerYuan),
        new(typeof(PointsCashRules), "minPoints", ProgramBounds.MinPoints),
        new(typeof(PointsCashRules), "maxShareOfOrder", ProgramBounds.MaxShareOfOrder),
        new(typeof(PointsCashRules), "memberPrices{}", ProgramBounds.PriceFactor),
        new(typeof(PointsCashRules), "tierDiscounts{}", ProgramBounds.PriceFactor),
        new(typeof(PointsCashRules), "holdTimeoutMinutes", ProgramBounds.HoldTimeoutMinutes),
        new(typeof(TransferRules), "maxTransfersPerMonth", ProgramBounds.MaxTransfersPerMonth),
        new(typeof(TransferRules), "maxPointsPerMonth", ProgramBounds.MaxTransferPointsPerMonth),
        new(typeof(TransferRules), "maxFamilyMembers", ProgramBounds.MaxFamilyMembers),
        new(typeof(ReferralRules), "referrerPoints", ProgramBounds.RulePoints),
        new(typeof(ReferralRules), "refereePoints", ProgramBounds.RulePoints),
        new(typeof(ReferralRules), "minCashAmount", ProgramBounds.ReferralMinCash),
        new(typeof(ReferralRules), "timeoutDays", ProgramBounds.ReferralTimeoutDays),
        new(typeof(ReferralRules), "referrerWindowDays", ProgramBounds.ReferrerWindowDays),
        new(typeof(ReferralRules), "maxRewardsPerMonth", ProgramBounds.ReferralCap),
        new(typeof(ReferralRules), "maxRewardsLifetime", ProgramBounds.ReferralCap),
        new(typeof(ReferralRules), "eligibleStores", ProgramBounds.ReferralStores),
        new(typeof(ReminderRules), "offsetsDays", ProgramBounds.ReminderOffsets),
        new(typeof(ReminderRules), "offsetsDays[]", ProgramBounds.ReminderOffsetDays),

        // The webhook code defines its own limits; they are shown from the same constants.
        new(typeof(ChannelSettings), "maxGrantPoints", new Bound(0, WebhookChannelValidator.MaxGrantPoints)),
        new(typeof(WebhookEvent), "points", new Bound(1, WebhookChannelValidator.MaxGrantPoints)),
        new(typeof(WeChatRule), "points", new Bound(1, WeChatRulesValidator.MaxGrantPoints)),
        new(typeof(WeChatSceneRequest), "expiresInSeconds", new Bound(WeChatScene.MinLifetimeSeconds, WeChatScene.MaxLifetimeSeconds)),
    ];
}
