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
using Loyalty.Core.Refunds;
using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Functions.OpenApi;

/// <summary>A bound as the API description shows it: on a property of a component schema.</summary>
/// <param name="Property">The property; <c>name[]</c> for the items of a list, <c>name{}</c> for the values of a map, a list property itself for its number of items.</param>
public sealed record SchemaBound(string Schema, string Property, Bound Bound);

/// <summary>
/// Where every number of every request body is bounded in the API description. The validators check the very same
/// <see cref="Bound"/> objects, and OpenApiDocumentTests holds openapi.json to this list (minimum/maximum,
/// exclusiveMinimum/Maximum, minItems/maxItems), so the document cannot drift from what the API enforces. A generated
/// document would take its bounds from here.
/// </summary>
public static class RequestBounds
{
    public static IReadOnlyList<SchemaBound> All { get; } =
    [
        new("PurchaseRequest", "lines", PurchaseBounds.Lines),
        new("PurchaseRequest", "cashPaid", PurchaseBounds.CashPaid),
        new("PurchaseRequest", "pointsPaid", PurchaseBounds.PointsPaid),
        new("PurchaseRequest", "holdIds", PurchaseBounds.HoldIds),
        new("PurchaseLine", "quantity", PurchaseBounds.Quantity),
        new("PurchaseLine", "unitPrice", PurchaseBounds.UnitPrice),
        new("PreviewBasket", "lines", PurchaseBounds.Lines),
        new("PreviewBasket", "cashPaid", PurchaseBounds.CashPaid),
        new("PreviewBasket", "pointsPaid", PurchaseBounds.PointsPaid),

        new("RefundRequest", "lines", RefundBounds.Lines),
        new("RefundRequest", "amount", RefundBounds.Amount),
        new("RefundLine", "quantity", RefundBounds.Quantity),

        new("QuoteRequest", "lines", PosBounds.BasketLines),
        new("HoldRequest", "lines", PosBounds.BasketLines),
        new("HoldRequest", "points", PosBounds.HoldPoints),
        new("BasketLine", "quantity", PurchaseBounds.Quantity),
        new("BasketLine", "unitPrice", PurchaseBounds.UnitPrice),

        new("Adjustment", "delta", AdjustmentBounds.Delta),
        new("Grant", "memberIds", GrantBounds.MemberIds),
        new("Grant", "points", GrantBounds.Points),
        new("TransferRequest", "points", TransferBounds.Points),
        new("DonationRequest", "points", DonationBounds.Points),

        new("LotteryRequest", "costPoints", LotteryBounds.CostPoints),
        new("LotteryRequest", "noPrizeWeight", LotteryBounds.NoPrizeWeight),
        new("LotteryRequest", "prizes", LotteryBounds.Prizes),
        new("LotteryPrizeRequest", "weight", LotteryBounds.PrizeWeight),
        new("LotteryPrizeRequest", "stock", LotteryBounds.PrizeStock),

        new("GiftDefinition", "images", GiftBounds.Images),
        new("GiftDefinition", "pointsPrice", GiftBounds.PointsPrice),
        new("GiftDefinition", "perMemberLimit", GiftBounds.PerMemberLimit),
        new("CouponTerms", "amountOff", GiftBounds.CouponAmountOff),
        new("CouponTerms", "percentOff", GiftBounds.CouponPercentOff),
        new("CouponTerms", "validDays", GiftBounds.ValidDays),
        new("CouponTerms", "minimumSpend", GiftBounds.CouponMinimumSpend),
        new("ServiceTerms", "validDays", GiftBounds.ValidDays),
        new("ServiceTerms", "durationMinutes", GiftBounds.ServiceDurationMinutes),
        new("StockAdjustment", "delta", GiftBounds.StockDelta),
        new("CodeLoad", "codes", GiftBounds.Codes),

        new("EarningRules", "baseRatePoints", ProgramBounds.BaseRatePoints),
        new("EarningRules", "baseRatePer", ProgramBounds.BaseRatePer),
        new("EarningRules", "returnWindowDays", ProgramBounds.ReturnWindowDays),
        new("EarningRules", "maxPointsPerOrder", ProgramBounds.MaxPointsPerOrder),
        new("EarningRules", "categoryMultipliers{}", ProgramBounds.EarnMultiplier),
        new("EarningRules", "skuMultipliers{}", ProgramBounds.EarnMultiplier),
        new("LadderStep", "minAmount", ProgramBounds.LadderMinAmount),
        new("LadderStep", "points", ProgramBounds.RulePoints),
        new("Campaign", "multiplier", ProgramBounds.BoostMultiplier),
        new("Campaign", "bonusPoints", ProgramBounds.RulePoints),
        new("Campaign", "daysOfWeek[]", ProgramBounds.DayOfWeek),
        new("Campaign", "daysOfMonth[]", ProgramBounds.DayOfMonth),
        new("Campaign", "maxBonusPerOrder", ProgramBounds.MaxBonusPerOrder),
        new("BirthdayBenefit", "multiplier", ProgramBounds.BoostMultiplier),
        new("BirthdayBenefit", "bonusPoints", ProgramBounds.RulePoints),
        new("ExpiryPolicy", "months", ProgramBounds.ExpiryMonths),
        new("ExpiryPolicy", "clearingMonth", ProgramBounds.ClearingMonth),
        new("ExpiryPolicy", "clearingDay", ProgramBounds.ClearingDay),
        new("ActivityRules", "signUpBonus", ProgramBounds.RulePoints),
        new("CheckInRules", "points", ProgramBounds.RulePoints),
        new("CheckInRules", "cycleDays", ProgramBounds.CycleDays),
        new("StreakBonus", "day", ProgramBounds.StreakDay),
        new("StreakBonus", "points", ProgramBounds.RulePoints),
        new("ShareRule", "points", ProgramBounds.RulePoints),
        new("ShareRule", "dailyCap", ProgramBounds.DailyCap),
        new("TaskRule", "points", ProgramBounds.RulePoints),
        new("TaskRule", "maxPerPeriod", ProgramBounds.MaxPerPeriod),
        new("TierLevel", "threshold", ProgramBounds.TierThreshold),
        new("TierLevel", "earnMultiplier", ProgramBounds.EarnMultiplier),
        new("TierLevel", "discountRate", ProgramBounds.DiscountRate),
        new("TierRules", "retentionMonths", ProgramBounds.RetentionMonths),
        new("PointsCashRules", "pointsPerYuan", ProgramBounds.PointsPerYuan),
        new("PointsCashRules", "minPoints", ProgramBounds.MinPoints),
        new("PointsCashRules", "maxShareOfOrder", ProgramBounds.MaxShareOfOrder),
        new("PointsCashRules", "memberPrices{}", ProgramBounds.PriceFactor),
        new("PointsCashRules", "tierDiscounts{}", ProgramBounds.PriceFactor),
        new("PointsCashRules", "holdTimeoutMinutes", ProgramBounds.HoldTimeoutMinutes),
        new("TransferRules", "maxTransfersPerMonth", ProgramBounds.MaxTransfersPerMonth),
        new("TransferRules", "maxPointsPerMonth", ProgramBounds.MaxTransferPointsPerMonth),
        new("TransferRules", "maxFamilyMembers", ProgramBounds.MaxFamilyMembers),

        // The webhook code defines its own limits; they are shown from the same constants.
        new("WebhookChannelRequest", "maxGrantPoints", new Bound(0, WebhookChannelValidator.MaxGrantPoints)),
        new("WebhookEvent", "points", new Bound(1, WebhookChannelValidator.MaxGrantPoints)),
        new("WeChatRule", "points", new Bound(1, WeChatRulesValidator.MaxGrantPoints)),
        new("WeChatSceneRequest", "expiresInSeconds", new Bound(WeChatScene.MinLifetimeSeconds, WeChatScene.MaxLifetimeSeconds)),
    ];
}
