using System.Globalization;

namespace Loyalty.Core.Lottery;

/// <summary>
/// The published rule of a draw: a number is drawn uniformly in [0, Total) by a CSPRNG; outcomes own consecutive
/// ranges in the listed order. A prize out of stock keeps its place but its range belongs to "no prize" (the other
/// prizes' odds do not change, and stock never goes below zero). Anyone holding the recorded number and table can
/// recompute the outcome with <see cref="Pick"/>.
/// </summary>
public sealed record OddsTable(IReadOnlyList<OddsTable.Range> Ranges)
{
    public const string NoPrize = "none";

    public long Total => Ranges.Sum(r => r.Weight);

    public static OddsTable For(Lottery lottery)
    {
        ArgumentNullException.ThrowIfNull(lottery);
        return new([.. lottery.Prizes.Select(p => new Range(p.Stock > 0 ? p.PrizeId : NoPrize, p.Weight)), new Range(NoPrize, lottery.NoPrizeWeight)]);
    }

    public string Pick(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(number, Total);
        var upper = 0L;
        foreach (var range in Ranges)
        {
            upper += range.Weight;
            if (number < upper)
            {
                return range.Outcome;
            }
        }

        throw new InvalidOperationException("Unreachable: the number is below the total.");
    }

    /// <summary>The table as recorded on a draw, e.g. <c>cup:10,none:5,none:985</c>.</summary>
    public string Format() => string.Join(',', Ranges.Select(r => $"{r.Outcome}:{r.Weight.ToString(CultureInfo.InvariantCulture)}"));

    public static OddsTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new([.. text.Split(',').Select(part =>
        {
            var at = part.LastIndexOf(':');
            return new Range(part[..at], long.Parse(part[(at + 1)..], CultureInfo.InvariantCulture));
        })]);
    }

    public sealed record Range(string Outcome, long Weight);
}
