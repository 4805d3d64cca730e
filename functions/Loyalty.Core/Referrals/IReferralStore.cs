namespace Loyalty.Core.Referrals;

/// <summary>
/// Referral rows of a tenant: the referee's referral (first code wins), the referrer's view of each referral and of
/// each refused attempt, the referrer's reward tally, and the index of open referrals the restart timer reads.
/// </summary>
public interface IReferralStore
{
    Task<Referral?> GetAsync(string tenantId, string refereeId, CancellationToken cancellationToken);

    /// <summary>Adds a waiting referral; when the referee already has one, returns that instead (<c>Added</c> false).</summary>
    Task<(Referral Referral, bool Added)> AddOrGetAsync(Referral referral, CancellationToken cancellationToken);

    /// <summary>Records a refused attempt on the referrer's side only: the referee keeps whatever referral they have.</summary>
    Task RecordRejectedAsync(Referral rejected, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="current"/> (if it still has its ETag) with <paramref name="changed"/>, in one batch with
    /// the referrer's tally when given (guarded by its own ETag; none means it must not exist yet) and the open index;
    /// false when either changed meanwhile.
    /// </summary>
    Task<bool> TryUpdateAsync(Referral current, Referral changed, ReferrerTally? tally, CancellationToken cancellationToken);

    Task<ReferrerTally> GetTallyAsync(string tenantId, string referrerId, CancellationToken cancellationToken);

    /// <summary>The referrals a member made (accepted and refused), by referee id, a page at a time.</summary>
    Task<ReferralPage> ListByReferrerAsync(string tenantId, string referrerId, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Referee ids whose referral is still open (waiting, or rewarded with credits pending).</summary>
    Task<IReadOnlyList<string>> ListOpenAsync(string tenantId, CancellationToken cancellationToken);
}

public sealed record ReferralPage(IReadOnlyList<Referral> Referrals, string? ContinuationToken);
