namespace Loyalty.Core.Referrals;

/// <summary>A referral as the API shows it to the referrer (in their list) and to the referee (on registration).</summary>
public sealed record ReferralView(
    string RefereeId,
    string ReferrerId,
    ReferralStatus Status,
    string? Reason,
    DateTimeOffset ReferredAt,
    DateTimeOffset Deadline,
    string? QualifyingOrderId,
    long ReferrerPoints,
    long RefereePoints,
    DateTimeOffset? RewardedAt)
{
    public static ReferralView From(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return new(referral.RefereeId, referral.ReferrerId, referral.Status, referral.Reason, referral.ReferredAt, referral.Deadline,
            referral.QualifyingOrderId, referral.ReferrerPoints, referral.RefereePoints, referral.RewardedAt);
    }
}

/// <summary>The members one member referred (<c>GET /members/{id}/referrals</c>), a page at a time, with what the rewarded ones paid in all.</summary>
public sealed record ReferralList(string MemberId, int Rewarded, long PointsEarned, IReadOnlyList<ReferralView> Referrals, string? ContinuationToken);
