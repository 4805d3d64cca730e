namespace Loyalty.Core.Redemptions;

public enum RedemptionStatus
{
    /// <summary>Recorded; the orchestration has not taken its first step yet.</summary>
    Accepted,

    Processing,

    /// <summary>A physical gift waits for the merchant's "shipped" call (or a cancellation).</summary>
    AwaitingShipment,

    Completed,

    /// <summary>A step failed; whatever had been done before it was compensated.</summary>
    Failed,

    /// <summary>Cancelled before shipping (or the shipping deadline passed); stock and points were given back.</summary>
    Cancelled,
}
