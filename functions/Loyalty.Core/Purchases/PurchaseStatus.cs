namespace Loyalty.Core.Purchases;

public enum PurchaseStatus
{
    /// <summary>Accepted and waiting on the accrual queue.</summary>
    Queued,

    /// <summary>Points written to the ledger (possibly zero points).</summary>
    Credited,

    /// <summary>Processed but refused by a business rule (e.g. the member no longer exists).</summary>
    Rejected,

    /// <summary>Processing kept failing and the message went to the poison queue; the reason is kept.</summary>
    Failed,

    /// <summary>An order that never completed was cancelled; its pending points were voided.</summary>
    Cancelled,
}
