namespace Loyalty.Core.Redemptions;

public interface IRedemptionStore
{
    /// <summary>Adds the record (Added = true) with its <c>redemption.accepted</c> event in the same transaction, or returns the one already stored under its id.</summary>
    Task<(RedemptionRecord Record, bool Added)> AddOrGetAsync(RedemptionRecord record, CancellationToken cancellationToken);

    Task<RedemptionRecord?> GetAsync(string tenantId, string redemptionId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the record if it is still at <see cref="RedemptionRecord.ETag"/>; false otherwise. When its status differs
    /// from <paramref name="previousStatus"/>, the <c>redemption.{status}</c> event is written in the same transaction.
    /// </summary>
    Task<bool> TryUpdateAsync(RedemptionRecord record, RedemptionStatus previousStatus, CancellationToken cancellationToken);
}
