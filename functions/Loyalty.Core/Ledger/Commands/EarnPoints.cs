using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger.Commands;

public sealed record EarnPoints(string IdempotencyKey, EarnRequest Request) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{Request.Points}|{Request.Source}|{Request.Reference}|{Request.Type}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Earn(Request);
    }
}
