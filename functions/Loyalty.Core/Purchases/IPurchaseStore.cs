namespace Loyalty.Core.Purchases;

public interface IPurchaseStore
{
    /// <summary>Adds the record; when the order id exists already, returns the stored record instead.</summary>
    Task<PurchaseRecord> AddOrGetAsync(PurchaseRecord record, CancellationToken cancellationToken);

    Task<PurchaseRecord?> GetAsync(string tenantId, string orderId, CancellationToken cancellationToken);

    /// <summary>Replaces the record if its ETag still matches; false when someone else changed it first.</summary>
    Task<bool> TryUpdateAsync(PurchaseRecord record, CancellationToken cancellationToken);
}
