namespace Loyalty.Core.Purchases;

/// <summary>What travels on the accrual queue: just a reference; the order itself is in the purchase store.</summary>
public sealed record AccrualMessage(string TenantId, string OrderId)
{
    /// <summary>Set when the message is a refund of the order rather than the order itself.</summary>
    public string? RefundId { get; init; }

    /// <summary>Identifies the message for tracing: the same order (or refund) always gives the same id.</summary>
    public string MessageId => RefundId is null ? $"{TenantId}:{OrderId}" : $"{TenantId}:{OrderId}:refund:{RefundId}";
}
