using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Pos;

public sealed record CaptureHold(string IdempotencyKey, string HoldId) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => HoldId;

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var captured = transaction.CaptureHold(HoldId);
        return captured.IsSuccess ? captured.Value : captured.Error;
    }
}
