using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger.Commands;

public sealed record ClawBackPoints(string IdempotencyKey, string? LotId, long Points, string Reference, string? Reason) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{LotId}|{Points}|{Reference}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.ClawBack(LotId, Points, Reference, Reason);
    }
}
