namespace Loyalty.Core.Gifts;

/// <summary>The codes a merchant loaded for a virtual gift. Each code is issued at most once; issuing is keyed by the redemption.</summary>
public interface IGiftCodePool
{
    /// <summary>Adds the codes not yet in the pool, tagged with <paramref name="loadId"/>. Returns how many codes of the pool carry that tag, so a retried load counts the same.</summary>
    Task<int> AddAsync(string tenantId, string giftId, IReadOnlyList<string> codes, string loadId, CancellationToken cancellationToken);

    /// <summary>The code issued to <paramref name="redemptionId"/>: the one it already holds, else a free one claimed now; null when the pool is empty.</summary>
    Task<string?> ClaimAsync(string tenantId, string giftId, string redemptionId, CancellationToken cancellationToken);
}
