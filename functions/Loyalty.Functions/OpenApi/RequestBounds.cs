using Loyalty.Core.Activities;
using Loyalty.Core.Common;
using Loyalty.Core.Donations;
using Loyalty.Core.Freezes;
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
using Loyalty.Core.Redemptions;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Activities;
using Loyalty.Functions.Gifts;
using Loyalty.Functions.Programs;
using Loyalty.Functions.Redemptions;
using Loyalty.Functions.Referrals;
using Loyalty.Functions.Tenants;
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

/// <summary>A text bound as the API description shows it: on a property of a component schema (<c>name[]</c> for list items, <c>name{}</c> for map values).</summary>
public sealed record SchemaText(Type Schema, string Property, TextBound Bound)
{
    public string SchemaName => ComponentSchemas.NameOf(Schema);
}

/// <summary>
/// Where every number of every request body is bounded in the API description. The validators check the very same
/// <see cref="Bound"/> objects, and the generated API description writes them from this list (minimum/maximum,
/// exclusiveMinimum/Maximum, minItems/maxItems); OpenApiDocumentTests fails on a request number with no bound here.
/// <see cref="Texts"/> does the same for every text: <see cref="Http.RequestTexts"/> holds each request body to these lengths
/// before a use case reads it, and the document shows maxLength (and the pattern the field's validator checks).
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

    public static IReadOnlyList<SchemaText> Texts { get; } =
    [
        new(typeof(RegisterMember), "memberId", TextBounds.Id),
        new(typeof(RegisterMember), "name", TextBounds.Name),
        new(typeof(RegisterMember), "phone", PhoneNumber.Bound),
        new(typeof(RegisterMember), "referralCode", TextBounds.Code),
        new(typeof(ReferrerRequest), "referralCode", TextBounds.Code),
        new(typeof(MemberPreferences), "language", MemberLanguage.Bound),
        new(typeof(UpdateProfile), "name", TextBounds.Name),
        new(typeof(UpdateProfile), "phone", PhoneNumber.Bound),
        new(typeof(UpdateProfile), "language", MemberLanguage.Bound),
        new(typeof(UpdateProfile), "storeId", TextBounds.Code),
        new(typeof(Adjustment), "reason", TextBounds.Reason),
        new(typeof(Adjustment), "reference", TextBounds.Code),
        new(typeof(FreezeRequest), "reason", TextBounds.Reason),
        new(typeof(ErasureRequest), "reason", TextBounds.Reason),
        new(typeof(MergeRequest), "from", TextBounds.Id),
        new(typeof(FreezeRequest), "reference", TextBounds.Code),

        new(typeof(PurchaseRequest), "memberId", TextBounds.Id),
        new(typeof(PurchaseRequest), "orderId", TextBounds.Id),
        new(typeof(PurchaseRequest), "storeId", TextBounds.Code),
        new(typeof(PurchaseRequest), "holdIds[]", HoldIds.Bound),
        new(typeof(PurchaseLineRequest), "sku", TextBounds.Code),
        new(typeof(PurchaseLineRequest), "category", TextBounds.Code),
        new(typeof(RefundBody), "orderId", TextBounds.Id),
        new(typeof(RefundBody), "refundId", TextBounds.Id),
        new(typeof(RefundLineBody), "sku", TextBounds.Code),
        new(typeof(QuoteRequest), "memberId", TextBounds.Id),
        new(typeof(HoldRequest), "memberId", TextBounds.Id),
        new(typeof(HoldRequest), "orderId", TextBounds.Id),
        new(typeof(BasketLine), "sku", TextBounds.Code),
        new(typeof(BasketLine), "category", TextBounds.Code),

        new(typeof(Grant), "memberIds[]", TextBounds.Id),
        new(typeof(Grant), "reason", TextBounds.Reason),
        new(typeof(Grant), "reference", TextBounds.Code),
        new(typeof(ShareBody), "platform", TextBounds.Code),
        new(typeof(ShareBody), "reference", TextBounds.Code),
        new(typeof(TaskBody), "reference", TextBounds.Code),

        new(typeof(InviteRequest), "fromMemberId", TextBounds.Id),
        new(typeof(InviteRequest), "toMemberId", TextBounds.Id),
        new(typeof(AcceptInvitationRequest), "memberId", TextBounds.Id),
        new(typeof(TransferRequest), "fromMemberId", TextBounds.Id),
        new(typeof(TransferRequest), "toMemberId", TextBounds.Id),
        new(typeof(TransferRequest), "message", TransferBounds.Message),
        new(typeof(CharityProjectRequest), "name", TextBounds.Name),
        new(typeof(CharityProjectRequest), "description", DonationBounds.Description),
        new(typeof(DonationRequest), "memberId", TextBounds.Id),
        new(typeof(DonationRequest), "projectId", TextBounds.Id),
        new(typeof(LotteryRequest), "name", TextBounds.Name),
        new(typeof(LotteryPrizeRequest), "prizeId", TextBounds.Id),
        new(typeof(LotteryPrizeRequest), "name", TextBounds.Name),
        new(typeof(DrawRequest), "memberId", TextBounds.Id),

        new(typeof(GiftDefinition), "name", TextBounds.Name),
        new(typeof(GiftDefinition), "description", TextBounds.Description),
        new(typeof(GiftDefinition), "images[]", TextBounds.Url),
        new(typeof(GiftDefinition), "eligibleTiers[]", TextBounds.Name),
        new(typeof(TierOpening), "tier", TextBounds.Name),
        new(typeof(CodeLoad), "codes[]", GiftBounds.Code),
        new(typeof(RedeemGift), "memberId", TextBounds.Id),
        new(typeof(RedeemGift), "giftId", TextBounds.Id),
        new(typeof(ShippingAddress), "name", RedemptionBounds.RecipientName),
        new(typeof(ShippingAddress), "phone", PhoneNumber.Bound),
        new(typeof(ShippingAddress), "address", RedemptionBounds.Address),
        new(typeof(ShipmentReport), "carrier", TextBounds.Code),
        new(typeof(ShipmentReport), "trackingNumber", TextBounds.Code),
        new(typeof(CancelRequest), "reason", TextBounds.Reason),

        new(typeof(ProgramRules), "name", TextBounds.Name),
        new(typeof(ProgramRules), "currency", ProgramBounds.Currency),
        new(typeof(ProgramRules), "timeZone", ProgramBounds.TimeZone),
        new(typeof(EarningRules), "excludedCategories[]", TextBounds.Code),
        new(typeof(EarningRules), "excludedSkus[]", TextBounds.Code),
        new(typeof(Campaign), "id", TextBounds.Code),
        new(typeof(Campaign), "name", TextBounds.Name),
        new(typeof(Campaign), "categories[]", TextBounds.Code),
        new(typeof(Campaign), "stores[]", TextBounds.Code),
        new(typeof(Campaign), "tiers[]", TextBounds.Name),
        new(typeof(TaskRule), "taskId", TextBounds.Code),
        new(typeof(TaskRule), "name", TextBounds.Name),
        new(typeof(TierLevel), "name", TextBounds.Name),
        new(typeof(PointsCashRules), "excludedCategories[]", TextBounds.Code),
        new(typeof(ReferralRules), "eligibleStores[]", TextBounds.Id),
        new(typeof(ReferralRules), "shareLinkTemplate", TextBounds.Url),
        new(typeof(PreviewRequest), "tier", TextBounds.Name),
        new(typeof(ReminderRules), "sendTime", ReminderRulesValidator.TimeBound),
        new(typeof(QuietHours), "start", ReminderRulesValidator.TimeBound),
        new(typeof(QuietHours), "end", ReminderRulesValidator.TimeBound),
        new(typeof(ReminderRules), "senderId", ReminderRulesValidator.SenderIdBound),
        new(typeof(ReminderRules), "templates{}", ReminderRulesValidator.TemplateBound),

        new(typeof(CreateTenantRequest), "tenantId", Tenant.IdBound),
        new(typeof(CreateTenantRequest), "name", TextBounds.Name),
        new(typeof(CreateKeyRequest), "name", TextBounds.Name),

        new(typeof(ChannelSettings), "token", WebhookChannelValidator.TokenBound),
        new(typeof(ChannelSettings), "appId", WebhookChannelValidator.AppIdBound),
        new(typeof(ChannelSettings), "encodingAesKey", WebhookChannelValidator.AesKeyBound),
        new(typeof(WebhookEvent), "eventId", TextBounds.Id),
        new(typeof(WebhookEvent), "memberId", TextBounds.Id),
        new(typeof(WebhookEvent), "platform", TextBounds.Code),
        new(typeof(WebhookEvent), "taskId", TextBounds.Code),
        new(typeof(WebhookEvent), "reason", TextBounds.Reason),
        new(typeof(WeChatRule), "taskId", TextBounds.Code),
        new(typeof(WeChatRule), "reason", TextBounds.Reason),
        new(typeof(WeChatRule), "reply", WeChatRulesValidator.ReplyBound),
        new(typeof(WeChatBindRequest), "channel", TextBounds.Id),
        new(typeof(WeChatBindRequest), "openId", WeChatIds.OpenIdBound),
        new(typeof(WeChatSceneRequest), "channel", TextBounds.Id),
    ];
}
