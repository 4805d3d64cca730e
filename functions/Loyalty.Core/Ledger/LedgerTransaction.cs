using Loyalty.Core.Members;

namespace Loyalty.Core.Ledger;

/// <summary>
/// The working copy of one member's ledger during one operation. Every method keeps the invariant
/// <c>Balance == sum(live lots) + Held - Debt</c> and records one entry per change; the store turns the result into one batch.
/// The operations live by concern: lots (<c>LedgerTransaction.Lots.cs</c>), FIFO spending and debt (<c>.Spending.cs</c>),
/// holds (<c>.Holds.cs</c>), freezes (<c>.Freezes.cs</c>), points moved with their expiry (<c>.Transfers.cs</c>) and
/// restores of reversed spends (<c>.Restores.cs</c>).
/// </summary>
public sealed partial class LedgerTransaction
{
    private readonly List<LedgerEntry> _entries = [];

    public LedgerTransaction(MemberLedgerState state, DateTimeOffset now, string idempotencyKey, string? @operator = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        _original = state.Lots.ToDictionary(l => l.LotId);
        _lots = new Dictionary<string, PointsLot>(_original);
        Account = state.Account;
        Now = now;
        IdempotencyKey = idempotencyKey;
        Operator = @operator;
        _originalHolds = state.Holds.ToDictionary(h => h.HoldId);
        _holds = new Dictionary<string, PointsHold>(_originalHolds);

        // A timed-out hold is released before anything else, so its lots expire or pay debt like any other lot.
        ReleaseTimedOutHolds();
        ExpireDue();
        SettleDebt();
    }

    public DateTimeOffset Now { get; }

    public string IdempotencyKey { get; }

    public string? Operator { get; }

    public int? ProgramVersion { get; set; }

    public MemberAccount Account { get; private set; }

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    public long Balance => _lots.Values.Sum(l => l.Remaining) + Held - Account.Debt;

    public long Available => AvailableLotPoints - Account.Debt;

    public long Pending => _lots.Values.Where(l => l.IsPending(Now)).Sum(l => l.Remaining);

    public bool HasChanges => _entries.Count > 0 || ChangedLots.Count > 0 || RemovedLots.Count > 0;

    public void UpdateAccount(Func<MemberAccount, MemberAccount> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var updated = change(Account);
        if (updated.Key != Account.Key || updated.Debt != Account.Debt)
        {
            throw new InvalidOperationException("An account update may not change the member or its debt.");
        }

        Account = updated;
    }

    /// <summary>Records an entry that moves no points (freeze, unfreeze...), so the flow shows the event.</summary>
    public LedgerEntry Note(LedgerEntryType type, string? reference, string? reason, IReadOnlyDictionary<string, string>? details = null) =>
        Record(type, 0, reference, reason, new Dictionary<string, long>(), details);

    private LedgerEntry Record(LedgerEntryType type, long delta, string? reference, string? reason, IReadOnlyDictionary<string, long> lots, IReadOnlyDictionary<string, string>? details)
    {
        var entry = new LedgerEntry
        {
            EntryId = NewId(),
            Type = type,
            Delta = delta,
            BalanceAfter = Balance,
            At = Now,
            Sequence = _entries.Count,
            Reference = reference,
            Reason = reason,
            Operator = Operator,
            IdempotencyKey = IdempotencyKey,
            ProgramVersion = ProgramVersion,
            Lots = lots,
            Details = details ?? new Dictionary<string, string>(),
        };
        _entries.Add(entry);
        return entry;
    }

    private string NewId() => Guid.CreateVersion7(Now).ToString("N");
}
