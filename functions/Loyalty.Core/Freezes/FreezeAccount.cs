using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Freezes;

public sealed record FreezeAccount(string IdempotencyKey, string Reason, string? Reference) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{Reason}|{Reference}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var frozen = transaction.Freeze(Reason, Details(Reference));
        return frozen.IsSuccess ? frozen.Value : frozen.Error;
    }

    internal static Dictionary<string, string> Details(string? reference) =>
        reference is null ? [] : new Dictionary<string, string> { ["caseReference"] = reference };
}
