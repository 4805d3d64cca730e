using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Pos;

public sealed record ReleaseHold(string IdempotencyKey, string HoldId) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => HoldId;

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.ReleaseHold(HoldId, "released");
    }
}
