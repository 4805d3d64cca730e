using System.Text.Json.Serialization;

namespace Loyalty.Core.Insights;

/// <summary>
/// What the reports need to know about one open member, kept by the member projection so no report reads the ledger.
/// Dates are local dates in the tenant's time zone. Purchases are kept twice, on purpose: <see cref="Months"/> holds one
/// bucket per calendar month with a purchase for the whole history (at most 12 a year, so a member stays a few hundred
/// bytes however often they buy), which is exact for every monthly report and for RFM frequency and monetary value;
/// <see cref="Days"/> holds one bucket per day with a purchase for the recent past only (from <see cref="DaysFrom"/>),
/// which is what day-exact windows need (did a push recipient come back within 14 days). A per-purchase list would be
/// exact for every window but grows without bound; month buckets alone cannot answer a 14-day window.
/// </summary>
public sealed record MemberActivity
{
    public required string MemberId { get; init; }

    /// <summary>The member's current tier (reports by tier use the tier as of now, not as of each purchase).</summary>
    public string Tier { get; init; } = "normal";

    /// <summary>The member's home store; null when none is known.</summary>
    public string? StoreId { get; init; }

    public required DateOnly RegisteredOn { get; init; }

    /// <summary>The member whose code this member registered with, for an accepted referral only (rejected ones are not referrals).</summary>
    public string? ReferredBy { get; init; }

    /// <summary>1-12 when the member gave a birthday.</summary>
    public int? BirthdayMonth { get; init; }

    /// <summary>The last day with any ledger entry of the member (earn, spend, check-in, ...); null when there was none.</summary>
    public DateOnly? LastActivityOn { get; init; }

    public DateOnly? LastPurchaseOn { get; init; }

    /// <summary>One bucket per month with a purchase (<see cref="PurchaseBucket.Start"/> = the 1st), oldest first.</summary>
    public IReadOnlyList<PurchaseBucket> Months { get; init; } = [];

    /// <summary>One bucket per day with a purchase since <see cref="DaysFrom"/>, oldest first.</summary>
    public IReadOnlyList<PurchaseBucket> Days { get; init; } = [];

    /// <summary>The first day <see cref="Days"/> is complete from (the projection drops older days); null = the whole history.</summary>
    public DateOnly? DaysFrom { get; init; }

    /// <summary>Live points minus debt, pending included (negative while the member owes points).</summary>
    public long Balance { get; init; }

    /// <summary>Points the member can spend now.</summary>
    public long Available { get; init; }

    /// <summary>The day the soonest-expiring points end, and how many end that day.</summary>
    public DateOnly? NextExpiryOn { get; init; }

    public long NextExpiryPoints { get; init; }

    /// <summary>Live points by the month they expire in (<see cref="ExpiringPoints.Month"/> = the 1st), soonest first.</summary>
    public IReadOnlyList<ExpiringPoints> Expiring { get; init; } = [];

    /// <summary>What the member still needs for the next tier, in the unit of the program's tier basis (points earned, or yuan spent); null at the top tier.</summary>
    public decimal? ToNextTier { get; init; }

    /// <summary>Derived from <see cref="Months"/>, so not stored.</summary>
    [JsonIgnore]
    public int PurchaseCount => Months.Sum(m => m.Count);

    [JsonIgnore]
    public decimal Spend => Months.Sum(m => m.Amount);
}
