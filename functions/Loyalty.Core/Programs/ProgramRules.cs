namespace Loyalty.Core.Programs;

/// <summary>A tenant's loyalty program, as merchants edit it through <c>PUT /api/v1/program</c>.</summary>
public sealed record ProgramRules
{
    public string Name { get; init; } = "Membership points";

    /// <summary>IANA time zone id; every "per day" rule and every day-rounded expiry uses it.</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";

    public string Currency { get; init; } = "CNY";

    public EarningRules Earning { get; init; } = new();

    public ExpiryPolicy Expiry { get; init; } = new();

    public ActivityRules Activities { get; init; } = new();

    public TierRules Tiers { get; init; } = new();

    public TimeZoneInfo Zone() => Common.TenantClock.FindZone(TimeZone);

    /// <summary>Points as cash at the POS.</summary>
    public Pos.PointsCashRules Cash { get; init; } = new();

    public Family.TransferRules Transfers { get; init; } = new();

    /// <summary>Referral rewards (老带新): off unless the merchant enables them.</summary>
    public Referrals.ReferralRules Referrals { get; init; } = new();

    /// <summary>Pre-expiry SMS reminders (清零前提醒): off unless the merchant enables them.</summary>
    public Reminders.ReminderRules Reminders { get; init; } = new();

    /// <summary>What WeChat official-account events earn, by webhook channel id.</summary>
    public IReadOnlyDictionary<string, Webhooks.WeChat.WeChatEventRules> WeChat { get; init; } = new Dictionary<string, Webhooks.WeChat.WeChatEventRules>();
}
