using System.Text.Json.Serialization;

namespace Loyalty.Core.Insights;

/// <summary>
/// Who a push goes to (精准营销): every criterion that is set must hold (AND); a criterion left out selects everyone.
/// Lists match any of their values. At least one criterion must be set (<see cref="SegmentRuleValidator"/>).
/// </summary>
public sealed record SegmentRule
{
    /// <summary>The member's soonest-expiring points end between today and today + N days, both included.</summary>
    public int? ExpiringWithinDays { get; init; }

    /// <summary>The member needs more than 0 and at most this much for the next tier (in the tier basis's unit: points earned, or yuan spent).</summary>
    public decimal? WithinOfNextTier { get; init; }

    /// <summary>The member is dormant after this many days (<see cref="Dormancy"/>).</summary>
    public int? DormantDays { get; init; }

    /// <summary>The month (1-12) of the member's birthday; members who gave none never match.</summary>
    public int? BirthdayMonth { get; init; }

    /// <summary>The member's RFM segment, scored over the whole tenant; members with no purchase in the lookback never match.</summary>
    public IReadOnlyList<RfmSegment>? RfmSegments { get; init; }

    public IReadOnlyList<string>? Tiers { get; init; }

    /// <summary>The member's home store.</summary>
    public IReadOnlyList<string>? Stores { get; init; }

    [JsonIgnore]
    public bool UsesRfm => RfmSegments is { Count: > 0 };

    [JsonIgnore]
    public bool IsEmpty =>
        ExpiringWithinDays is null && WithinOfNextTier is null && DormantDays is null && BirthdayMonth is null
        && RfmSegments is null && Tiers is null && Stores is null;
}
