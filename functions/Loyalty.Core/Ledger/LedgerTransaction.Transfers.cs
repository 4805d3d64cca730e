using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger;

/// <summary>
/// Points that move with their expiry: a spend that records the expiry of every point taken (a transfer out, a
/// redemption), and the credit of such points elsewhere (a transfer in), so moving points never extends their life.
/// </summary>
public sealed partial class LedgerTransaction
{
    /// <summary>
    /// Spends like <see cref="Spend"/> and records on the entry the expiry of every point taken (<see cref="LotPortions"/>),
    /// so they can be re-created elsewhere, or given back by a reversal, without extending their life.
    /// </summary>
    public Result<(LedgerEntry Entry, IReadOnlyList<LotPortion> Portions)> SpendWithExpiry(long points, LedgerEntryType type, string? reference, string? reason, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (RefuseSpend(points) is { } refused)
        {
            return refused;
        }

        IReadOnlyList<LotPortion> portions = [.. Plan(points).GroupBy(p => p.Lot.ExpiresAt).OrderBy(g => g.Key).Select(g => new LotPortion(g.Sum(p => p.Take), g.Key))];
        var entryDetails = new Dictionary<string, string>(details ?? new Dictionary<string, string>()) { [LotPortions.DetailKey] = LotPortions.Format(portions) };
        var spent = Spend(points, type, reference, reason, entryDetails);
        return spent.IsSuccess ? (spent.Value, portions) : spent.Error;
    }

    /// <summary>Credits points that keep the expiry they already had (a transfer in). Portions that expired in flight expire at once, visibly.</summary>
    public LedgerEntry Receive(IReadOnlyList<LotPortion> portions, LedgerEntryType type, string source, string? reference, string? reason, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentNullException.ThrowIfNull(portions);
        var lots = CreditPortions(portions, source);
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

    /// <summary>Credits each expiry's points through <see cref="Credit"/>; the points credited, by lot.</summary>
    private Dictionary<string, long> CreditPortions(IEnumerable<LotPortion> portions, string source)
    {
        var lots = new Dictionary<string, long>();
        foreach (var group in portions.Where(p => p.Points > 0).GroupBy(p => p.ExpiresAt))
        {
            var points = group.Sum(p => p.Points);
            var lotId = Credit(points, group.Key, source);
            lots[lotId] = lots.GetValueOrDefault(lotId) + points;
        }

        return lots;
    }
}
