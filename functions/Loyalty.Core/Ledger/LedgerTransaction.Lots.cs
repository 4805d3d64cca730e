namespace Loyalty.Core.Ledger;

/// <summary>Lots: every credit becomes (or merges into) a lot with its expiry; lots expire, pending lots become available.</summary>
public sealed partial class LedgerTransaction
{
    private readonly Dictionary<string, PointsLot> _original;
    private readonly Dictionary<string, PointsLot> _lots;

    public IReadOnlyCollection<PointsLot> Lots => _lots.Values;

    /// <summary>Lots added or whose remainder changed (remainder above zero).</summary>
    public IReadOnlyList<PointsLot> ChangedLots =>
        [.. _lots.Values.Where(l => !_original.TryGetValue(l.LotId, out var before) || before != l)];

    /// <summary>Lots that existed when the operation started and are now used up or expired.</summary>
    public IReadOnlyList<PointsLot> RemovedLots => [.. _original.Values.Where(l => !_lots.ContainsKey(l.LotId))];

    private long AvailableLotPoints => _lots.Values.Where(l => l.IsAvailable(Now)).Sum(l => l.Remaining);

    /// <summary>
    /// Credits points as a new lot (or into an existing available lot with the same expiry, so lots stay few). Points
    /// whose expiry has already passed (a purchase reported after its clearing date) are credited and expire at once,
    /// visibly, as they would have had the purchase been reported on time.
    /// </summary>
    public LedgerEntry Earn(EarnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Points);
        var lotId = Credit(request.Points, request.ExpiresAt, request.Source, request.AvailableAt, request.Mergeable, request.Reference);
        Account = Account with { LifetimeEarned = Account.LifetimeEarned + request.Points, LastActivityAt = Now };
        SettleDebt();
        var entry = Record(request.Type, request.Points, request.Reference, request.Reason, new Dictionary<string, long> { [lotId] = request.Points }, request.Details);
        ExpireDue();
        return entry;
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

    /// <summary>
    /// The one way points enter a lot: into an available lot with the same expiry and no order of its own, or a new lot.
    /// On a frozen account the new lot is frozen (pending until an unfreeze) and nothing merges into an available lot.
    /// A credit that is not <paramref name="mergeable"/> keeps a lot of its own, tied to <paramref name="reference"/>.
    /// </summary>
    private string Credit(long points, DateTimeOffset expiresAt, string source, DateTimeOffset? availableAt = null, bool mergeable = true, string? reference = null)
    {
        var from = availableAt ?? Now;
        var lot = from <= Now && mergeable && !Account.Frozen
            ? _lots.Values.FirstOrDefault(l => l.IsAvailable(Now) && l.ExpiresAt == expiresAt && l.Reference is null)
            : null;
        lot = lot is null
            ? new PointsLot(NewId(), points, points, Now, from, expiresAt, source, mergeable ? null : reference) { Frozen = Account.Frozen }
            : lot with { Points = lot.Points + points, Remaining = lot.Remaining + points };
        _lots[lot.LotId] = lot;
        return lot.LotId;
    }

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
}
