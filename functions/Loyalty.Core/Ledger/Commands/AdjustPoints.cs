using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger.Commands;

/// <summary>An admin's signed correction with a required reason; credits expire like any other points.</summary>
public sealed record AdjustPoints(string IdempotencyKey, long Delta, string Reason, DateTimeOffset ExpiresAt, string? Reference) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{Delta}|{Reason}|{Reference}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var adjusted = transaction.Adjust(Delta, ExpiresAt, Reason, Reference);
        return adjusted.IsSuccess ? adjusted.Value : adjusted.Error;
    }
}
