using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger;

/// <summary>FIFO spending: spends take the earliest-expiring available points first and never overdraw; clawbacks may create debt, repaid from the next available points.</summary>
public sealed partial class LedgerTransaction
{
    /// <summary>Spends available points, earliest-expiring lots first. Never makes the balance negative.</summary>
    public Result<LedgerEntry> Spend(long points, LedgerEntryType type, string? reference, string? reason, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (RefuseSpend(points) is { } refused)
        {
            return refused;
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
            return LedgerErrors.InsufficientPoints(Available, -delta, "the adjustment removes");
        }

        var consumed = Consume(-delta);
        return Record(LedgerEntryType.Adjust, delta, reference, reason, consumed, null);
    }

    /// <summary>Why a spend of <paramref name="points"/> may not happen now (a freeze, too few available points), or null.</summary>
    private Error? RefuseSpend(long points) =>
        Account.Frozen ? LedgerErrors.AccountFrozen()
        : points > Available ? LedgerErrors.InsufficientPoints(Available, points)
        : null;

    private Dictionary<string, long> Consume(long points)
    {
        var plan = Plan(points);
        if (plan.Sum(p => p.Take) != points)
        {
            throw new InvalidOperationException("Consumed more points than the available lots hold.");
        }

        foreach (var (lot, take) in plan)
        {
            SetRemaining(lot, lot.Remaining - take);
        }

        return plan.ToDictionary(p => p.Lot.LotId, p => p.Take);
    }

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
}
