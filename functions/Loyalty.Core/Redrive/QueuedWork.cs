namespace Loyalty.Core.Redrive;

public enum QueuedWorkKind
{
    Purchase,
    Refund,
}

/// <summary>
/// A purchase or refund accepted and not yet at its end (credited, refunded, rejected or failed), as the re-driver sees
/// it. <see cref="QueuedAt"/> is the record's receipt time, which also places the index row; <see cref="Redrives"/>
/// counts the messages the re-driver sent again, and <see cref="NextAt"/> is when it looks next.
/// </summary>
public sealed record QueuedWork(QueuedWorkKind Kind, string TenantId, string Id, DateTimeOffset QueuedAt)
{
    public int Redrives { get; init; }

    public DateTimeOffset NextAt { get; init; } = QueuedAt;

    /// <summary>Opaque concurrency token of the index row, so two runs never count one re-drive twice.</summary>
    public string? ETag { get; init; }

    public static QueuedWork Purchase(string tenantId, string orderId, DateTimeOffset receivedAt) => new(QueuedWorkKind.Purchase, tenantId, orderId, receivedAt);

    public static QueuedWork Refund(string tenantId, string refundId, DateTimeOffset receivedAt) => new(QueuedWorkKind.Refund, tenantId, refundId, receivedAt);
}
