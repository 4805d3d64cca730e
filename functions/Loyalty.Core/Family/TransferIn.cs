using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Family;

/// <summary>
/// Credits transferred points as lots with the sender's expiry dates (no expiry laundering). With <see cref="Returning"/>
/// the same portions go back to the sender because the receiver could not be credited: that undoes the sender's debit
/// (it no longer counts as spent), and the transfer is taken off the sender's monthly counters of
/// <see cref="CountedMonth"/> (the tenant-local month its debit was counted in).
/// </summary>
public sealed record TransferIn(string IdempotencyKey, string TransferId, string CounterpartyMemberId, IReadOnlyList<LotPortion> Portions, bool Returning = false, string? CountedMonth = null) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{TransferId}|{CounterpartyMemberId}|{LotPortions.Format(Portions)}|{Returning}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var details = new Dictionary<string, string> { ["transferId"] = TransferId, ["counterparty"] = CounterpartyMemberId };
        if (Returning && CountedMonth is not null)
        {
            transaction.UpdateAccount(a => TransferOut.Uncount(a, CountedMonth, Portions.Sum(p => p.Points)));
        }

        return Returning
            ? transaction.Restore(Portions, TransferId, $"Transfer to {CounterpartyMemberId} could not be completed; points returned", details, "transfer-return")
            : transaction.Receive(Portions, LedgerEntryType.TransferIn, "transfer", TransferId, $"Transfer from {CounterpartyMemberId}", details);
    }
}
