using Loyalty.Core.Ledger;

namespace Loyalty.Core.Insights.Projections;

/// <summary>
/// Applies events to the tenant's day aggregate of the event's local date. Points by entry type are signed ledger
/// deltas; spend channels: a spend with a POS hold is cash at the POS, any other spend a gift; restores net against the
/// channel they give back to (a redemption's refund: gift, a failed transfer: transfer, an order's: POS); member sales
/// count purchase earn entries (<c>details.cashPaid</c>; refunds are not netted out yet).
/// </summary>
public static class TenantDayProjection
{
    public static TenantDay Apply(TenantDay? day, ProjectedEvent projected)
    {
        ArgumentNullException.ThrowIfNull(projected);
        var current = day ?? new TenantDay { Date = projected.Date };
        var e = projected.Event;
        if (projected.IsRegistration)
        {
            return current with { NewMembers = current.NewMembers + 1 };
        }

        if (projected.EntryType is not { } type)
        {
            return current;
        }

        var result = current with { PointsByType = Plus(current.PointsByType, type, e.Delta) };
        if (Channel(projected, type) is { } channel)
        {
            result = result with { SpentByChannel = Plus(result.SpentByChannel, channel, -e.Delta) };
        }

        if (projected.PurchaseCash is { } cash)
        {
            result = result with
            {
                MemberSales = result.MemberSales.Plus(new SalesTally(1, cash)),
                CampaignPoints = Campaigns(projected.Detail("campaigns")).Aggregate(result.CampaignPoints, (sum, c) => Plus(sum, c.Id, c.Points)),
            };
        }

        return result;
    }

    private static SpendChannel? Channel(ProjectedEvent projected, LedgerEntryType type) => type switch
    {
        LedgerEntryType.Spend => projected.Detail("holdId") is null ? SpendChannel.Gift : SpendChannel.PosCash,
        LedgerEntryType.Lottery => SpendChannel.Lottery,
        LedgerEntryType.Donation => SpendChannel.Donation,
        LedgerEntryType.TransferOut => SpendChannel.Transfer,
        LedgerEntryType.Restore when projected.Detail("redemptionId") is not null => SpendChannel.Gift,
        LedgerEntryType.Restore when projected.Detail("counterparty") is not null => SpendChannel.Transfer,
        LedgerEntryType.Restore => SpendChannel.PosCash,
        _ => null,
    };

    /// <summary><c>details.campaigns</c> of a purchase: <c>id:points,id:points</c>.</summary>
    private static IEnumerable<(string Id, long Points)> Campaigns(string? text)
    {
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon > 0 && long.TryParse(part[(colon + 1)..], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var points))
            {
                yield return (part[..colon], points);
            }
        }
    }

    private static Dictionary<TKey, long> Plus<TKey>(IReadOnlyDictionary<TKey, long> totals, TKey key, long amount)
        where TKey : notnull
    {
        var copy = new Dictionary<TKey, long>(totals) { [key] = totals.GetValueOrDefault(key) + amount };
        return copy;
    }
}
