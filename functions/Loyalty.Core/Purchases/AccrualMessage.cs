namespace Loyalty.Core.Purchases;

/// <summary>What travels on the accrual queue: just a reference; the order itself is in the purchase store.</summary>
public sealed record AccrualMessage(string TenantId, string OrderId)
{
    /// <summary>Identifies the message for tracing: the same order always gives the same id.</summary>
    public string MessageId => $"{TenantId}:{OrderId}";
}
