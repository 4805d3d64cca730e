using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger.Commands;

/// <summary>An admin's signed correction with a required reason; credits expire like any other points.</summary>
public sealed record AdjustPoints(string IdempotencyKey, long Delta, string Reason, DateTimeOffset ExpiresAt, string? Reference) : LedgerCommand(IdempotencyKey)
{
    /// <summary>An expiry the operator asked for (limited-time points); part of what the idempotency key stands for.</summary>
    public DateTimeOffset? RequestedExpiresAt { get; init; }

    protected override string Describe() => $"{Delta}|{Reason}|{Reference}" + (RequestedExpiresAt is { } e ? $"|{e.UtcTicks}" : string.Empty);

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var adjusted = transaction.Adjust(Delta, ExpiresAt, Reason, Reference);
        return adjusted.IsSuccess ? adjusted.Value : adjusted.Error;
    }
}
