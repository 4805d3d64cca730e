using Loyalty.Core.Ledger;

namespace Loyalty.Core.Insights.Projections;

/// <summary>
/// Applies events to a member's <see cref="MemberActivity"/>. Sums (purchases by month and day) add every event once —
/// the projector guarantees that — and state (balance, tier) is taken from the event with the highest per-member
/// sequence seen (<see cref="MemberActivityRow.LastSequence"/>), so an event relayed late never rolls it back.
/// </summary>
public static class MemberActivityProjection
{
    public static MemberActivityRow Apply(MemberActivityRow? row, string memberId, ProjectedEvent projected)
    {
        ArgumentNullException.ThrowIfNull(projected);
        var current = row ?? new MemberActivityRow(new MemberActivity { MemberId = memberId, RegisteredOn = projected.Date }, 0, 0);
        var activity = current.Activity;
        var e = projected.Event;
        if (projected.IsRegistration)
        {
            activity = activity with { RegisteredOn = projected.Date, StoreId = projected.Store ?? activity.StoreId };
        }

        // What the member did: expiry, tier moves, freezes and the like happen to a member and are no activity.
        if (projected.EntryType is { } type && type is not (LedgerEntryType.Expire or LedgerEntryType.Tier or LedgerEntryType.Profile or LedgerEntryType.Freeze
            or LedgerEntryType.Unfreeze or LedgerEntryType.Forfeit or LedgerEntryType.Complete))
        {
            activity = activity with { LastActivityOn = Max(activity.LastActivityOn, projected.Date) };
        }

        if (projected.PurchaseCash is { } cash)
        {
            activity = activity with
            {
                LastPurchaseOn = Max(activity.LastPurchaseOn, projected.Date),
                Months = Add(activity.Months, DateRange.MonthOf(projected.Date), cash, e.Delta),
                Days = Add(activity.Days, projected.Date, cash, e.Delta),
            };
        }

        var newest = e.Sequence > current.LastSequence;
        if (newest)
        {
            activity = activity with
            {
                Tier = e.Tier ?? activity.Tier,
                Balance = projected.EntryType is null ? activity.Balance : e.BalanceAfter,
                Available = projected.EntryType is null ? activity.Available : e.BalanceAfter,
            };
        }

        return current with { Activity = activity, LastSequence = Math.Max(current.LastSequence, e.Sequence) };
    }

    private static DateOnly Max(DateOnly? a, DateOnly b) => a is { } known && known > b ? known : b;

    private static List<PurchaseBucket> Add(IReadOnlyList<PurchaseBucket> buckets, DateOnly start, decimal cash, long points)
    {
        var list = buckets.Where(b => b.Start != start).ToList();
        var existing = buckets.FirstOrDefault(b => b.Start == start) ?? new PurchaseBucket(start, 0, 0m);
        list.Add(existing with { Count = existing.Count + 1, Amount = existing.Amount + cash, Points = existing.Points + points });
        return [.. list.OrderBy(b => b.Start)];
    }
}
