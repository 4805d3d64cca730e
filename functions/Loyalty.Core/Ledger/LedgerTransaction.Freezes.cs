using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger;

/// <summary>Freezes: a frozen account spends nothing, and every credit lands in frozen (pending) lots until an unfreeze.</summary>
public sealed partial class LedgerTransaction
{
    /// <summary>Freezes the account: no spending of any kind; new earnings stay pending until an unfreeze.</summary>
    public Result<LedgerEntry> Freeze(string reason, IReadOnlyDictionary<string, string>? details = null)
    {
        if (Account.Frozen)
        {
            return Error.Conflict("already-frozen", "The account is already frozen.");
        }

        Account = Account with { Frozen = true };
        return Note(LedgerEntryType.Freeze, null, reason, details);
    }

    /// <summary>Lifts a freeze: points earned meanwhile become available (or stay pending until their own availableAt).</summary>
    public Result<LedgerEntry> Unfreeze(string? reason, IReadOnlyDictionary<string, string>? details = null)
    {
        if (!Account.Frozen)
        {
            return Error.Conflict("not-frozen", "The account is not frozen.");
        }

        var released = _lots.Values.Where(l => l.Frozen).ToList();
        foreach (var lot in released)
        {
            _lots[lot.LotId] = lot with { Frozen = false };
        }

        Account = Account with { Frozen = false };
        SettleDebt();
        return Record(LedgerEntryType.Unfreeze, 0, null, reason, released.ToDictionary(l => l.LotId, l => l.Remaining), details);
    }
}
