namespace Loyalty.Core.Members;

public interface IMergeStore
{
    /// <summary>Adds the record, or returns the one already stored for its source member.</summary>
    Task<MergeRecord> AddOrGetAsync(MergeRecord record, CancellationToken cancellationToken);

    Task<MergeRecord?> GetAsync(string tenantId, string mergeId, CancellationToken cancellationToken);

    /// <summary>Replaces the record if its ETag still matches; false when another attempt updated it first.</summary>
    Task<bool> TryUpdateAsync(MergeRecord record, CancellationToken cancellationToken);
}
