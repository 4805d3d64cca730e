namespace Loyalty.Core.Family;

public interface ITransferStore
{
    Task<TransferRecord> AddOrGetAsync(TransferRecord record, CancellationToken cancellationToken);

    Task<TransferRecord?> GetAsync(string tenantId, string transferId, CancellationToken cancellationToken);

    /// <summary>Replaces the record if its ETag still matches; false when another attempt updated it first.</summary>
    Task<bool> TryUpdateAsync(TransferRecord record, CancellationToken cancellationToken);
}
