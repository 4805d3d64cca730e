namespace Loyalty.Core.Refunds;

public enum RefundStatus
{
    Queued,
    Processed,
    Failed,
}
