using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Pos;

public sealed record HoldPoints(string IdempotencyKey, string HoldId, string OrderId, long Points, decimal CashValue, DateTimeOffset ExpiresAt) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{HoldId}|{OrderId}|{Points}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var held = transaction.Hold(HoldId, OrderId, Points, CashValue, ExpiresAt);
        return held.IsSuccess ? transaction.Entries[^1] : held.Error;
    }
}
