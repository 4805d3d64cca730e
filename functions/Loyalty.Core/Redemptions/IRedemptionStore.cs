namespace Loyalty.Core.Redemptions;

public interface IRedemptionStore
{
    /// <summary>Adds the record (Added = true), or returns the one already stored under its id.</summary>
    Task<(RedemptionRecord Record, bool Added)> AddOrGetAsync(RedemptionRecord record, CancellationToken cancellationToken);

    Task<RedemptionRecord?> GetAsync(string tenantId, string redemptionId, CancellationToken cancellationToken);

    /// <summary>Replaces the record if it is still at <see cref="RedemptionRecord.ETag"/>; false otherwise.</summary>
    Task<bool> TryUpdateAsync(RedemptionRecord record, CancellationToken cancellationToken);
}
