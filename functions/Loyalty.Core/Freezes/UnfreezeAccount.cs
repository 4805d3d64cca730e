using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Freezes;

public sealed record UnfreezeAccount(string IdempotencyKey, string? Reason, string? Reference) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{Reason}|{Reference}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var unfrozen = transaction.Unfreeze(Reason, FreezeAccount.Details(Reference));
        return unfrozen.IsSuccess ? unfrozen.Value : unfrozen.Error;
    }
}
