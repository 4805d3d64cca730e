using Loyalty.Core.Common;
using Loyalty.Core.Members;

namespace Loyalty.Core.Ledger;

/// <summary>
/// The working copy of one member's ledger during one operation. Every method keeps the invariant
/// <c>Balance == sum(live lots) + Held - Debt</c> and records one entry per change; the store turns the result into one batch.
/// Held points (open POS checkouts) stay in the balance but are not available; a hold records its lots so a release
/// restores them exactly.
/// </summary>
public sealed class LedgerTransaction
{
    private readonly Dictionary<string, PointsLot> _original;
    private readonly Dictionary<string, PointsLot> _lots;
    private readonly List<LedgerEntry> _entries = [];
    private readonly Dictionary<string, PointsHold> _originalHolds;
    private readonly Dictionary<string, PointsHold> _holds;

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

    public IReadOnlyCollection<PointsLot> Lots => _lots.Values;

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    public long Balance => _lots.Values.Sum(l => l.Remaining) + Held - Account.Debt;

    public long Available => AvailableLotPoints - Account.Debt;

    public long Pending => _lots.Values.Where(l => l.IsPending(Now)).Sum(l => l.Remaining);

    private long AvailableLotPoints => _lots.Values.Where(l => l.IsAvailable(Now)).Sum(l => l.Remaining);

    /// <summary>Lots added or whose remainder changed (remainder above zero).</summary>
    public IReadOnlyList<PointsLot> ChangedLots =>
        [.. _lots.Values.Where(l => !_original.TryGetValue(l.LotId, out var before) || before != l)];

    /// <summary>Lots that existed when the operation started and are now used up or expired.</summary>
    public IReadOnlyList<PointsLot> RemovedLots => [.. _original.Values.Where(l => !_lots.ContainsKey(l.LotId))];

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

    /// <summary>
    /// Credits points as a new lot (or into an existing available lot with the same expiry, so lots stay few). Points
    /// whose expiry has already passed (a purchase reported after its clearing date) are credited and expire at once,
    /// visibly, as they would have had the purchase been reported on time.
    /// </summary>
    public LedgerEntry Earn(EarnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Points);
        var availableAt = request.AvailableAt ?? Now;

        var lot = availableAt <= Now && request.Mergeable && !Account.Frozen
            ? _lots.Values.FirstOrDefault(l => l.IsAvailable(Now) && l.ExpiresAt == request.ExpiresAt && l.Reference is null)
            : null;
        lot = lot is null
            ? new PointsLot(NewId(), request.Points, request.Points, Now, availableAt, request.ExpiresAt, request.Source, request.Mergeable ? null : request.Reference) { Frozen = Account.Frozen }
            : lot with { Points = lot.Points + request.Points, Remaining = lot.Remaining + request.Points };
        _lots[lot.LotId] = lot;
        Account = Account with { LifetimeEarned = Account.LifetimeEarned + request.Points, LastActivityAt = Now };
        SettleDebt();
        var entry = Record(request.Type, request.Points, request.Reference, request.Reason, new Dictionary<string, long> { [lot.LotId] = request.Points }, request.Details);
        ExpireDue();
        return entry;
    }

    /// <summary>Spends available points, earliest-expiring lots first. Never makes the balance negative.</summary>
    public Result<LedgerEntry> Spend(long points, LedgerEntryType type, string? reference, string? reason, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (Account.Frozen)
        {
            return Error.Rule("account-frozen", "The account is frozen; points cannot be spent until it is unfrozen.");
        }

        if (points > Available)
        {
            return Error.Rule("insufficient-points", $"The member has {Math.Max(Available, 0)} available points; {points} are needed.");
        }

        var consumed = Consume(points);
        Account = Account with { LifetimeSpent = Account.LifetimeSpent + points, LastActivityAt = Now };
        return Record(type, -points, reference, reason, consumed, details);
    }

    /// <summary>
    /// Takes back points a refunded order created: from that order's lot first; what was already spent becomes debt
    /// (the only way a balance can go below zero), repaid from later earnings.
    /// </summary>
    public LedgerEntry ClawBack(string? lotId, long points, string reference, string? reason, IReadOnlyDictionary<string, string>? details = null, LedgerEntryType type = LedgerEntryType.Refund)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        var taken = new Dictionary<string, long>();
        var needed = points;
        if (lotId is not null && _lots.TryGetValue(lotId, out var lot))
        {
            var take = Math.Min(lot.Remaining, needed);
            if (take > 0)
            {
                SetRemaining(lot, lot.Remaining - take);
                taken[lot.LotId] = take;
                needed -= take;
            }
        }

        var debtBefore = Account.Debt;
        if (needed > 0)
        {
            Account = Account with { Debt = Account.Debt + needed };
            SettleDebt();
        }

        Account = Account with { LifetimeEarned = Math.Max(0, Account.LifetimeEarned - points), LastActivityAt = Now };
        var entryDetails = new Dictionary<string, string>(details ?? new Dictionary<string, string>());
        if (Account.Debt > debtBefore)
        {
            // What the member now owes because of this refund, after whatever other available points could cover.
            entryDetails["debtCreated"] = (Account.Debt - debtBefore).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Record(type, -points, reference, reason, taken, entryDetails);
    }

    /// <summary>An operator's correction. A negative adjustment spends like any spend and cannot overdraw.</summary>
    public Result<LedgerEntry> Adjust(long delta, DateTimeOffset expiresAt, string reason, string? reference)
    {
        if (delta == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), "An adjustment must change the balance.");
        }

        if (delta > 0)
        {
            return Earn(new EarnRequest(delta, expiresAt, "adjustment", reference, reason) { Type = LedgerEntryType.Adjust });
        }

        if (-delta > Available)
        {
            return Error.Rule("insufficient-points", $"The member has {Math.Max(Available, 0)} available points; the adjustment removes {-delta}.");
        }

        var consumed = Consume(-delta);
        return Record(LedgerEntryType.Adjust, delta, reference, reason, consumed, null);
    }

    /// <summary>Removes whatever remains of lots whose expiry has passed, earliest first, with one <c>expire</c> entry per lot; returns the last.</summary>
    public LedgerEntry? ExpireDue()
    {
        LedgerEntry? last = null;
        foreach (var lot in _lots.Values.Where(l => l.IsExpired(Now)).OrderBy(l => l.ExpiresAt).ThenBy(l => l.LotId, StringComparer.Ordinal).ToList())
        {
            _lots.Remove(lot.LotId);
            if (lot.Remaining == 0)
            {
                continue;
            }

            Account = Account with { LifetimeExpired = Account.LifetimeExpired + lot.Remaining };
            var details = new Dictionary<string, string> { ["expiresAt"] = lot.ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            last = Record(LedgerEntryType.Expire, -lot.Remaining, null, "Points expired", new Dictionary<string, long> { [lot.LotId] = lot.Remaining }, details);
        }

        return last;
    }

    /// <summary>Makes a pending lot available from <paramref name="availableAt"/> (an order completed: its return window starts now).</summary>
    public bool Reschedule(string lotId, DateTimeOffset availableAt)
    {
        if (!_lots.TryGetValue(lotId, out var lot))
        {
            return false;
        }

        _lots[lotId] = lot with { AvailableAt = availableAt };
        SettleDebt();
        return true;
    }

    /// <summary>Records an entry that moves no points (freeze, unfreeze...), so the flow shows the event.</summary>
    public LedgerEntry Note(LedgerEntryType type, string? reference, string? reason, IReadOnlyDictionary<string, string>? details = null) =>
        Record(type, 0, reference, reason, new Dictionary<string, long>(), details);

    public IReadOnlyCollection<PointsHold> Holds => _holds.Values;

    /// <summary>Points taken by holds that are still active: part of the balance, not of what is available.</summary>
    public long Held => _holds.Values.Where(h => h.Status == HoldStatus.Active).Sum(h => h.Points);

    /// <summary>Holds created or closed by this operation.</summary>
    public IReadOnlyList<PointsHold> ChangedHolds =>
        [.. _holds.Values.Where(h => !_originalHolds.TryGetValue(h.HoldId, out var before) || before != h)];

    /// <summary>Takes available points out of their lots (earliest expiry first) for a checkout; they stay in the balance as held.</summary>
    public Result<PointsHold> Hold(string holdId, string orderId, long points, decimal cashValue, DateTimeOffset expiresAt, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (Account.Frozen)
        {
            return Error.Rule("account-frozen", "The account is frozen; points cannot be spent until it is unfrozen.");
        }

        if (points > Available)
        {
            return Error.Rule("insufficient-points", $"The member has {Math.Max(Available, 0)} available points; {points} are needed.");
        }

        var taken = new List<HeldLot>();
        foreach (var (lot, take) in Plan(points))
        {
            taken.Add(new HeldLot(lot.LotId, take, lot.Points, lot.EarnedAt, lot.AvailableAt, lot.ExpiresAt, lot.Source, lot.Reference));
            SetRemaining(lot, lot.Remaining - take);
        }

        var hold = new PointsHold { HoldId = holdId, OrderId = orderId, Points = points, CashValue = cashValue, CreatedAt = Now, ExpiresAt = expiresAt, Lots = taken };
        _holds[holdId] = hold;
        Account = Account with { LastActivityAt = Now };
        var entryDetails = new Dictionary<string, string>(details ?? new Dictionary<string, string>())
        {
            ["holdId"] = holdId,
            ["heldUntil"] = expiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        Record(LedgerEntryType.Hold, 0, orderId, "Points held for a checkout", taken.ToDictionary(t => t.LotId, t => t.Points), entryDetails);
        return hold;
    }

    /// <summary>Turns an active hold into a spend linked to its order. A released (or timed-out) hold cannot be captured.</summary>
    public Result<LedgerEntry> CaptureHold(string holdId)
    {
        if (!_holds.TryGetValue(holdId, out var hold))
        {
            return Error.NotFound("hold-not-found", $"Hold '{holdId}' does not exist.");
        }

        if (hold.Status != HoldStatus.Active)
        {
            return hold.Status == HoldStatus.Released
                ? Error.Conflict("hold-released", $"Hold '{holdId}' was released ({hold.ClosedReason}); its points are available again.")
                : Error.Conflict("hold-captured", $"Hold '{holdId}' was already captured.");
        }

        if (Account.Frozen)
        {
            return Error.Rule("account-frozen", "The account is frozen; points cannot be spent until it is unfrozen.");
        }

        _holds[holdId] = hold with { Status = HoldStatus.Captured, ClosedAt = Now, ClosedReason = "captured" };
        Account = Account with { LifetimeSpent = Account.LifetimeSpent + hold.Points, LastActivityAt = Now };
        return Record(LedgerEntryType.Spend, -hold.Points, hold.OrderId, "Points paid at checkout", hold.Lots.GroupBy(l => l.LotId).ToDictionary(g => g.Key, g => g.Sum(l => l.Points)), new Dictionary<string, string> { ["holdId"] = holdId });
    }

    /// <summary>Puts a hold's points back into the lots they came from, with their own expiry. Releasing a closed hold does nothing.</summary>
    public Result<LedgerEntry?> ReleaseHold(string holdId, string reason)
    {
        if (!_holds.TryGetValue(holdId, out var hold))
        {
            return Error.NotFound("hold-not-found", $"Hold '{holdId}' does not exist.");
        }

        return hold.Status switch
        {
            HoldStatus.Captured => Error.Conflict("hold-captured", $"Hold '{holdId}' was captured; refund the order instead."),
            HoldStatus.Released => Result<LedgerEntry?>.Ok(null),
            _ => Release(hold, reason),
        };
    }

    /// <summary>Spends like <see cref="Spend"/> and records on the entry the expiry of every point taken (<see cref="LotPortions"/>), so they can be re-created elsewhere without extending their life.</summary>
    public Result<(LedgerEntry Entry, IReadOnlyList<LotPortion> Portions)> SpendWithExpiry(long points, LedgerEntryType type, string? reference, string? reason, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        IReadOnlyList<LotPortion> portions = points <= Available
            ? [.. Plan(points).GroupBy(p => p.Lot.ExpiresAt).OrderBy(g => g.Key).Select(g => new LotPortion(g.Sum(p => p.Take), g.Key))]
            : [];
        var entryDetails = new Dictionary<string, string>(details ?? new Dictionary<string, string>()) { [LotPortions.DetailKey] = LotPortions.Format(portions) };
        var spent = Spend(points, type, reference, reason, entryDetails);
        return spent.IsSuccess ? (spent.Value, portions) : spent.Error;
    }

    /// <summary>Credits points that keep the expiry they already had (a transfer in). Portions that expired in flight expire at once, visibly.</summary>
    public LedgerEntry Receive(IReadOnlyList<LotPortion> portions, LedgerEntryType type, string source, string? reference, string? reason, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentNullException.ThrowIfNull(portions);
        var lots = new Dictionary<string, long>();
        foreach (var group in portions.Where(p => p.Points > 0).GroupBy(p => p.ExpiresAt))
        {
            var points = group.Sum(p => p.Points);
            var lot = Account.Frozen ? null : _lots.Values.FirstOrDefault(l => l.IsAvailable(Now) && l.ExpiresAt == group.Key && l.Reference is null);
            lot = lot is null
                ? new PointsLot(NewId(), points, points, Now, Now, group.Key, source, null) { Frozen = Account.Frozen }
                : lot with { Points = lot.Points + points, Remaining = lot.Remaining + points };
            _lots[lot.LotId] = lot;
            lots[lot.LotId] = lots.GetValueOrDefault(lot.LotId) + points;
        }

        if (lots.Count == 0)
        {
            throw new ArgumentException("Nothing to receive.", nameof(portions));
        }

        Account = Account with { LastActivityAt = Now };
        SettleDebt();
        var entry = Record(type, lots.Values.Sum(), reference, reason, lots, details);
        ExpireDue();
        return entry;
    }

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

    /// <summary>
    /// Spends like <see cref="Spend"/> and notes each consumed lot's expiry on the entry (<see cref="ExpiryDetail"/>), so a
    /// reversal can give the points back with their own expiry instead of a fresh one.
    /// </summary>
    public Result<LedgerEntry> SpendReversibly(long points, string reference, string? reason, IReadOnlyDictionary<string, string>? details = null)
    {
        var expiries = _lots.Values.ToDictionary(l => l.LotId, l => l.ExpiresAt);
        var spent = Spend(points, LedgerEntryType.Spend, reference, reason, details);
        if (!spent.IsSuccess)
        {
            return spent;
        }

        var noted = new Dictionary<string, string>(spent.Value.Details);
        foreach (var lotId in spent.Value.Lots.Keys)
        {
            noted[ExpiryDetail(lotId)] = expiries[lotId].ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        var entry = spent.Value with { Details = noted };
        _entries[^1] = entry;
        return entry;
    }

    public static string ExpiryDetail(string lotId) => $"expiry:{lotId}";

    /// <summary>
    /// Gives back the points of a reversed spend into lots with their original expiries, so a refund never extends their
    /// life. Parts whose expiry has passed meanwhile are lost, as they would have been. One entry for all parts.
    /// </summary>
    public LedgerEntry Restore(IReadOnlyList<RestoredPoints> parts, string reference, string? reason, IReadOnlyDictionary<string, string>? details = null, string source = "restore")
    {
        ArgumentNullException.ThrowIfNull(parts);
        var lots = new Dictionary<string, long>();
        long restored = 0;
        foreach (var part in parts.Where(p => p.Points > 0 && p.ExpiresAt > Now))
        {
            var lot = Account.Frozen ? null : _lots.Values.FirstOrDefault(l => l.IsAvailable(Now) && l.ExpiresAt == part.ExpiresAt && l.Reference is null);
            lot = lot is null
                ? new PointsLot(NewId(), part.Points, part.Points, Now, Now, part.ExpiresAt, source, null) { Frozen = Account.Frozen }
                : lot with { Points = lot.Points + part.Points, Remaining = lot.Remaining + part.Points };
            _lots[lot.LotId] = lot;
            lots[lot.LotId] = lots.GetValueOrDefault(lot.LotId) + part.Points;
            restored += part.Points;
        }

        var total = parts.Where(p => p.Points > 0).Sum(p => p.Points);
        Account = Account with
        {
            LifetimeSpent = Math.Max(0, Account.LifetimeSpent - total),
            LifetimeExpired = Account.LifetimeExpired + (total - restored),
            LastActivityAt = Now,
        };
        SettleDebt();
        return Record(LedgerEntryType.Restore, restored, reference, reason, lots, details);
    }

    private Dictionary<string, long> Consume(long points)
    {
        var consumed = new Dictionary<string, long>();
        var needed = points;
        foreach (var lot in SpendOrder())
        {
            if (needed == 0)
            {
                break;
            }

            var take = Math.Min(lot.Remaining, needed);
            SetRemaining(lot, lot.Remaining - take);
            consumed[lot.LotId] = take;
            needed -= take;
        }

        if (needed != 0)
        {
            throw new InvalidOperationException("Consumed more points than the available lots hold.");
        }

        return consumed;
    }

    /// <summary>Debt is paid off from available lots as soon as there are any; the balance does not change.</summary>
    private void SettleDebt()
    {
        if (Account.Debt == 0)
        {
            return;
        }

        var repay = Math.Min(Account.Debt, AvailableLotPoints);
        if (repay == 0)
        {
            return;
        }

        Consume(repay);
        Account = Account with { Debt = Account.Debt - repay };
    }

    private List<PointsLot> SpendOrder() =>
        _lots.Values.Where(l => l.IsAvailable(Now) && l.Remaining > 0)
            .OrderBy(l => l.ExpiresAt).ThenBy(l => l.EarnedAt).ThenBy(l => l.LotId, StringComparer.Ordinal)
            .ToList();

    private void SetRemaining(PointsLot lot, long remaining)
    {
        if (remaining == 0)
        {
            _lots.Remove(lot.LotId);
        }
        else
        {
            _lots[lot.LotId] = lot with { Remaining = remaining };
        }
    }

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

    /// <summary>Which lots a spend of <paramref name="points"/> would take, in spend order (the caller checked they suffice).</summary>
    private List<(PointsLot Lot, long Take)> Plan(long points)
    {
        var plan = new List<(PointsLot Lot, long Take)>();
        var needed = points;
        foreach (var lot in SpendOrder().TakeWhile(_ => needed > 0))
        {
            var take = Math.Min(lot.Remaining, needed);
            plan.Add((lot, take));
            needed -= take;
        }

        return plan;
    }

    private void ReleaseTimedOutHolds()
    {
        foreach (var hold in _holds.Values.Where(h => h.Status == HoldStatus.Active && h.ExpiresAt <= Now).OrderBy(h => h.ExpiresAt).ToList())
        {
            Release(hold, "timed-out");
        }
    }

    private LedgerEntry Release(PointsHold hold, string reason)
    {
        foreach (var piece in hold.Lots)
        {
            _lots[piece.LotId] = _lots.TryGetValue(piece.LotId, out var lot)
                ? lot with { Remaining = lot.Remaining + piece.Points }
                : new PointsLot(piece.LotId, piece.LotPoints, piece.Points, piece.EarnedAt, piece.AvailableAt, piece.ExpiresAt, piece.Source, piece.Reference);
        }

        _holds[hold.HoldId] = hold with { Status = HoldStatus.Released, ClosedAt = Now, ClosedReason = reason };
        var entry = Record(LedgerEntryType.Release, 0, hold.OrderId, $"Hold released ({reason})", hold.Lots.GroupBy(l => l.LotId).ToDictionary(g => g.Key, g => g.Sum(l => l.Points)), new Dictionary<string, string> { ["holdId"] = hold.HoldId });
        ExpireDue();
        SettleDebt();
        return entry;
    }
}
