namespace Loyalty.Core.Redemptions;

/// <summary>The step names of a redemption, in order; the last two are the compensations.</summary>
public static class RedemptionSteps
{
    public const string Reserve = "reserveStock";
    public const string Debit = "debitPoints";
    public const string Fulfil = "fulfil";
    public const string Shipment = "shipment";
    public const string Notify = "notify";
    public const string Refund = "refundPoints";
    public const string Release = "releaseStock";
}
