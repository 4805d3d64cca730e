namespace Loyalty.Core.Refunds;

public interface IRefundStore
{
    /// <summary>Adds the record; when the refund id exists already, returns the stored record instead.</summary>
    Task<RefundRecord> AddOrGetAsync(RefundRecord record, CancellationToken cancellationToken);

    Task<RefundRecord?> GetAsync(string tenantId, string refundId, CancellationToken cancellationToken);

    Task<bool> TryUpdateAsync(RefundRecord record, CancellationToken cancellationToken);
}
