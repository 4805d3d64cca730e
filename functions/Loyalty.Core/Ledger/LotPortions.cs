using System.Globalization;

namespace Loyalty.Core.Ledger;

/// <summary>How lot portions are written into an entry's details: <c>points@expiry;...</c> (expiry as UTC ticks, or "never").</summary>
public static class LotPortions
{
    public const string DetailKey = "portions";

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
}
