namespace Loyalty.Core.Referrals;

/// <summary>
/// How often a referral driver looks at its row again while it waits (for the purchase, or for the order's points to
/// become available): a lost event or a clock that moved is noticed within this interval.
/// </summary>
public sealed record ReferralSettings(TimeSpan RecheckInterval)
{
    public static ReferralSettings Default { get; } = new(TimeSpan.FromHours(6));
}
