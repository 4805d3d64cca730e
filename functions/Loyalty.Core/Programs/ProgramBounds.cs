using Loyalty.Core.Common;

namespace Loyalty.Core.Programs;

/// <summary>The bounds of every number in a program (<c>PUT /api/v1/program</c>): rates, multipliers, points, days, counts.</summary>
public static class ProgramBounds
{
    /// <summary>An ISO 4217 code the program validator knows.</summary>
    public static readonly TextBound Currency = new(3, "^[A-Z]{3}$");

    /// <summary>An IANA time zone id.</summary>
    public static readonly TextBound TimeZone = new(64);

    /// <summary>Points one rule can credit at a time (a check-in, a share, a task, a campaign or ladder bonus...).</summary>
    public const long MaxRulePoints = 1_000_000;

    public static readonly Bound RulePoints = new(0, MaxRulePoints);

    public static readonly Bound BaseRatePoints = new(0, 10_000);

    public static readonly Bound BaseRatePer = new(0, 1_000_000) { ExclusiveMinimum = true };

    public static readonly Bound ReturnWindowDays = new(0, 365);

    public static readonly Bound MaxPointsPerOrder = new(0, 100_000_000);

    /// <summary>Category and SKU multipliers (0 = earns nothing).</summary>
    public static readonly Bound EarnMultiplier = new(0, 100);

    public static readonly Bound LadderMinAmount = new(0, 100_000_000) { ExclusiveMinimum = true };

    /// <summary>Campaign and birthday multipliers: a boost never lowers earning.</summary>
    public static readonly Bound BoostMultiplier = new(1, 100);

    public static readonly Bound DayOfWeek = new(1, 7);

    public static readonly Bound DayOfMonth = new(1, 31);

    public static readonly Bound MaxBonusPerOrder = new(0, 100_000_000);

    public static readonly Bound ExpiryMonths = new(0, 120);

    public static readonly Bound RollingExpiryMonths = new(1, 120);

    public static readonly Bound ClearingMonth = new(1, 12);

    public static readonly Bound ClearingDay = new(1, 31);

    public static readonly Bound CycleDays = new(0, 366);

    public static readonly Bound StreakDay = new(1, 366);

    public static readonly Bound DailyCap = new(1, 1000);

    public static readonly Bound MaxPerPeriod = new(1, 1000);

    public static readonly Bound TierThreshold = new(0, 1_000_000_000);

    public static readonly Bound DiscountRate = new(0, 1) { ExclusiveMaximum = true };

    public static readonly Bound RetentionMonths = new(0, 36);

    public static readonly Bound PointsPerYuan = new(1, 100_000);

    public static readonly Bound MinPoints = new(0, 100_000_000);

    public static readonly Bound MaxShareOfOrder = new(0, 1);

    /// <summary>Member prices and tier discounts as a factor of the list price (0.9 = 10% off).</summary>
    public static readonly Bound PriceFactor = new(0, 1) { ExclusiveMinimum = true };

    public static readonly Bound HoldTimeoutMinutes = new(1, 1440);

    public static readonly Bound MaxTransfersPerMonth = new(1, 1000);

    public static readonly Bound MaxTransferPointsPerMonth = new(1, 100_000_000);

    public static readonly Bound MaxFamilyMembers = new(1, 20);

    public static readonly Bound ReferralMinCash = new(0, 100_000_000);

    public static readonly Bound ReferralTimeoutDays = new(1, 365);

    public static readonly Bound ReferrerWindowDays = new(0, 365);

    /// <summary>Referral reward caps per referrer (0 = no cap).</summary>
    public static readonly Bound ReferralCap = new(0, 100_000);

    public static readonly Bound ReferralStores = new(0, 200);

    /// <summary>Days before the last usable day a pre-expiry SMS goes out.</summary>
    public static readonly Bound ReminderOffsetDays = new(1, 365);

    /// <summary>How many reminders one expiry may get.</summary>
    public static readonly Bound ReminderOffsets = new(1, 5);
}
