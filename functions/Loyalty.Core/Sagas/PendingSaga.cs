namespace Loyalty.Core.Sagas;

public enum SagaKind
{
    Transfer,
    Draw,
    Merge,
}

/// <summary>
/// A multi-step saga (a transfer across two members, a draw reserved before its charge, a merge of two accounts) that
/// has begun and not yet reached its end. <see cref="Id"/> is the transfer id, the merge id (the source member id), or
/// <c>{lotteryId}:{drawId}</c> for a draw (neither id holds ':').
/// </summary>
public sealed record PendingSaga(string TenantId, SagaKind Kind, string Id, DateTimeOffset StartedAt)
{
    public static PendingSaga Transfer(string tenantId, string transferId, DateTimeOffset startedAt) => new(tenantId, SagaKind.Transfer, transferId, startedAt);

    public static PendingSaga Draw(string tenantId, string lotteryId, string drawId, DateTimeOffset startedAt) => new(tenantId, SagaKind.Draw, DrawId(lotteryId, drawId), startedAt);

    public static PendingSaga Merge(string tenantId, string mergeId, DateTimeOffset startedAt) => new(tenantId, SagaKind.Merge, mergeId, startedAt);

    public static string DrawId(string lotteryId, string drawId) => $"{lotteryId}:{drawId}";

    public (string LotteryId, string DrawId) DrawKeys()
    {
        var at = Id.IndexOf(':', StringComparison.Ordinal);
        return at < 0 ? (Id, string.Empty) : (Id[..at], Id[(at + 1)..]);
    }
}
