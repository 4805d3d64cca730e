using System.Globalization;

namespace Loyalty.Core.Ledger;

/// <summary>
/// How a spend records the expiry of the points it took: <c>portions</c> = <c>points@expiry;...</c> in the entry's
/// details (expiry as UTC ticks, or "never"). Redemption debits written before this one format recorded
/// <c>expiry:{lotId}</c> = ISO time per lot instead; <see cref="Of"/> still reads those.
/// </summary>
public static class LotPortions
{
    public const string DetailKey = "portions";

    private const string LegacyExpiryPrefix = "expiry:";

    public static string Format(IReadOnlyList<LotPortion> portions)
    {
        ArgumentNullException.ThrowIfNull(portions);
        return string.Join(';', portions.Select(p => $"{p.Points.ToString(CultureInfo.InvariantCulture)}@{(p.ExpiresAt == PointsLot.NeverExpires ? "never" : p.ExpiresAt.UtcTicks.ToString(CultureInfo.InvariantCulture))}"));
    }

    public static IReadOnlyList<LotPortion> Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return [.. text.Split(';').Select(part =>
        {
            var at = part.IndexOf('@', StringComparison.Ordinal);
            var points = long.Parse(part[..at], CultureInfo.InvariantCulture);
            var expiry = part[(at + 1)..];
            return new LotPortion(points, expiry == "never" ? PointsLot.NeverExpires : new DateTimeOffset(long.Parse(expiry, CultureInfo.InvariantCulture), TimeSpan.Zero));
        })];
    }

    /// <summary>The points a spend entry took, with their expiries, in either stored format.</summary>
    public static IReadOnlyList<LotPortion> Of(LedgerEntry spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        if (spend.Details.TryGetValue(DetailKey, out var portions))
        {
            return Parse(portions);
        }

        return [.. spend.Lots.Select(l => new LotPortion(l.Value, spend.Details.TryGetValue(LegacyExpiryPrefix + l.Key, out var expiry)
            ? DateTimeOffset.Parse(expiry, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Entry {spend.EntryId} does not record the expiry of lot {l.Key}.")))];
    }
}
