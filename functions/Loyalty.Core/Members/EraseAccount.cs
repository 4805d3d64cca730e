using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Members;

/// <summary>Closes the account on the member's request (注销): see <see cref="LedgerTransaction.Erase"/>.</summary>
public sealed record EraseAccount(string IdempotencyKey, string Reason) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => Reason;

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var erased = transaction.Erase(Reason);
        return erased.IsSuccess ? erased.Value : erased.Error;
    }
}
