using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Purchases;

/// <summary>An order that was submitted incomplete has completed: its points stay pending through the return window from now.</summary>
public sealed record CompleteOrder(string OrderId, string LotId, DateTimeOffset AvailableAt) : LedgerCommand($"complete:{OrderId}")
{
    protected override string Describe() => $"{OrderId}|{LotId}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        transaction.Reschedule(LotId, AvailableAt);
        return transaction.Note(LedgerEntryType.Complete, OrderId, "Order completed; points become available after the return window", new Dictionary<string, string>
        {
            ["availableAt"] = AvailableAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
