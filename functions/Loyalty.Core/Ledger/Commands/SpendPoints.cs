using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger.Commands;

public sealed record SpendPoints(string IdempotencyKey, long Points, string? Reference, string? Reason) : LedgerCommand(IdempotencyKey)
{
    public LedgerEntryType Type { get; init; } = LedgerEntryType.Spend;

    protected override string Describe() => $"{Points}|{Reference}|{Type}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var spent = transaction.Spend(Points, Type, Reference, Reason);
        return spent.IsSuccess ? spent.Value : spent.Error;
    }
}
