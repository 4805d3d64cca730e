namespace Loyalty.Core.Referrals;

/// <summary>
/// One referral (老带新): who referred whom, where it stands and what it paid. The row is the truth; the referee's
/// orchestration only drives it from waiting to its outcome, so a lost orchestration is re-started from the row.
/// </summary>
public sealed record Referral
{
    public required string TenantId { get; init; }

    public required string RefereeId { get; init; }

    public required string ReferrerId { get; init; }

    /// <summary>The code the referee gave.</summary>
    public required string Code { get; init; }

    public required ReferralStatus Status { get; init; }

    /// <summary>Why a rejected referral was refused, one of <see cref="ReferralReasons"/>.</summary>
    public string? Reason { get; init; }

    public required DateTimeOffset ReferredAt { get; init; }

    /// <summary>The qualifying purchase must be credited before this instant, or the referral expires.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>The referee's first qualifying order, recorded by the purchase path when its credit committed.</summary>
    public string? QualifyingOrderId { get; init; }

    public DateTimeOffset? QualifiedAt { get; init; }

    /// <summary>True when the program credited the referee at sign-up rather than after the purchase (fixed when referred).</summary>
    public bool RefereePaidAtSignUp { get; init; }

    /// <summary>Points the referee's sign-up credit was for (0 when none).</summary>
    public long RefereeSignUpPoints { get; init; }

    /// <summary>Points the referrer earned from this referral.</summary>
    public long ReferrerPoints { get; init; }

    /// <summary>Points the referee earned from this referral.</summary>
    public long RefereePoints { get; init; }

    public DateTimeOffset? RewardedAt { get; init; }

    /// <summary>True once both sides' ledger credits of a rewarded referral are committed.</summary>
    public bool Credited { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? ETag { get; init; }

    /// <summary>Still needs its driver: waiting for a purchase, or rewarded with credits not yet committed.</summary>
    public bool IsOpen => Status == ReferralStatus.Waiting || (Status == ReferralStatus.Rewarded && !Credited);
}

public enum ReferralStatus
{
    Waiting,
    Rewarded,
    Expired,
    Rejected,
}
