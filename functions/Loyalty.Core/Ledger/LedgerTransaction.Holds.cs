using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger;

/// <summary>
/// Holds (open POS checkouts): held points stay in the balance but are not available; a hold records its lots so a
/// release restores them exactly, and a capture only finalizes the spend.
/// </summary>
public sealed partial class LedgerTransaction
{
    private readonly Dictionary<string, PointsHold> _originalHolds;
    private readonly Dictionary<string, PointsHold> _holds;

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
        if (RefuseSpend(points) is { } refused)
        {
            return refused;
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
            return HoldNotFound(holdId);
        }

        if (hold.Status != HoldStatus.Active)
        {
            return hold.Status == HoldStatus.Released
                ? Error.Conflict("hold-released", $"Hold '{holdId}' was released ({hold.ClosedReason}); its points are available again.")
                : Error.Conflict("hold-captured", $"Hold '{holdId}' was already captured.");
        }

        if (Account.Frozen)
        {
            return LedgerErrors.AccountFrozen();
        }

        _holds[holdId] = hold with { Status = HoldStatus.Captured, ClosedAt = Now, ClosedReason = "captured" };
        Account = Account with { LifetimeSpent = Account.LifetimeSpent + hold.Points, LastActivityAt = Now };
        return Record(LedgerEntryType.Spend, -hold.Points, hold.OrderId, "Points paid at checkout", PointsByLot(hold), new Dictionary<string, string> { ["holdId"] = holdId });
    }

    /// <summary>Puts a hold's points back into the lots they came from, with their own expiry. Releasing a closed hold does nothing.</summary>
    public Result<LedgerEntry?> ReleaseHold(string holdId, string reason)
    {
        if (!_holds.TryGetValue(holdId, out var hold))
        {
            return HoldNotFound(holdId);
        }

        return hold.Status switch
        {
            HoldStatus.Captured => Error.Conflict("hold-captured", $"Hold '{holdId}' was captured; refund the order instead."),
            HoldStatus.Released => Result<LedgerEntry?>.Ok(null),
            _ => Release(hold, reason),
        };
    }

    private static Error HoldNotFound(string holdId) => Error.NotFound("hold-not-found", $"Hold '{holdId}' does not exist.");

    private static Dictionary<string, long> PointsByLot(PointsHold hold) =>
        hold.Lots.GroupBy(l => l.LotId).ToDictionary(g => g.Key, g => g.Sum(l => l.Points));

    private void ReleaseTimedOutHolds()
    {
        foreach (var hold in _holds.Values.Where(h => h.Status == HoldStatus.Active && h.ExpiresAt <= Now).OrderBy(h => h.ExpiresAt).ToList())
        {
            Release(hold, "timed-out");
        }
    }

    /// <summary>The held pieces go back into the very lots they came from (re-created if the lot was used up), not merged anywhere else.</summary>
    private LedgerEntry Release(PointsHold hold, string reason)
    {
        foreach (var piece in hold.Lots)
        {
            _lots[piece.LotId] = _lots.TryGetValue(piece.LotId, out var lot)
                ? lot with { Remaining = lot.Remaining + piece.Points }
                : new PointsLot(piece.LotId, piece.LotPoints, piece.Points, piece.EarnedAt, piece.AvailableAt, piece.ExpiresAt, piece.Source, piece.Reference);
        }

        _holds[hold.HoldId] = hold with { Status = HoldStatus.Released, ClosedAt = Now, ClosedReason = reason };
        var entry = Record(LedgerEntryType.Release, 0, hold.OrderId, $"Hold released ({reason})", PointsByLot(hold), new Dictionary<string, string> { ["holdId"] = hold.HoldId });
        ExpireDue();
        SettleDebt();
        return entry;
    }
}
