using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Redemptions;

/// <summary>Gives back a redemption's debit, lot by lot with the original expiries, linked to the debit entry.</summary>
public sealed record RedemptionRefund(string RedemptionId, LedgerEntry Debit, string Reason) : LedgerCommand(RedemptionIds.RefundKey(RedemptionId))
{
    protected override string Describe() => $"{RedemptionId}|{Debit.EntryId}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var parts = Debit.Lots
            .Select(l => new RestoredPoints(l.Value, Debit.Details.TryGetValue(LedgerTransaction.ExpiryDetail(l.Key), out var expiry)
                ? DateTimeOffset.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"Debit entry {Debit.EntryId} does not record the expiry of lot {l.Key}.")))
            .ToList();
        return transaction.Restore(parts, RedemptionId, Reason, new Dictionary<string, string>
        {
            ["debitEntryId"] = Debit.EntryId,
            ["redemptionId"] = RedemptionId,
        });
    }
}
