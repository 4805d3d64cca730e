using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger.Commands;

public sealed record EarnPoints(string IdempotencyKey, EarnRequest Request) : LedgerCommand(IdempotencyKey)
{
    /// <summary>An expiry the operator asked for (limited-time points); part of what the idempotency key stands for.</summary>
    public DateTimeOffset? RequestedExpiresAt { get; init; }

    protected override string Describe() => $"{Request.Points}|{Request.Source}|{Request.Reference}|{Request.Type}" + (RequestedExpiresAt is { } e ? $"|{e.UtcTicks}" : string.Empty);

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Earn(Request);
    }
}
