using System.Globalization;
using Xunit;

namespace Loyalty.Testing.Lottery;

/// <summary>
/// An auditor's reading of the published lottery, written from the rule the API publishes and not from the app's code:
/// prizes own consecutive ranges of their weight in the listed order, a prize out of stock keeps its range but wins
/// nothing, then the no-prize weight; the drawn number falls in exactly one range.
/// </summary>
public sealed record PublishedOdds(IReadOnlyList<(string Outcome, long Weight)> Ranges)
{
    public const string NoPrize = "none";

    public long Total => Ranges.Sum(r => r.Weight);

    /// <param name="prizes">Each published prize's id, weight and stock left, in the listed order.</param>
    public static PublishedOdds From(IEnumerable<(string PrizeId, long Weight, long Stock)> prizes, long noPrizeWeight) =>
        new([.. prizes.Select(p => (p.Stock > 0 ? p.PrizeId : NoPrize, p.Weight)), (NoPrize, noPrizeWeight)]);

    public string OutcomeOf(long number)
    {
        Assert.InRange(number, 0, Total - 1);
        var upper = 0L;
        foreach (var (outcome, weight) in Ranges)
        {
            upper += weight;
            if (number < upper)
            {
                return outcome;
            }
        }

        throw new InvalidOperationException($"{number} is below {Total} yet in no range.");
    }

    /// <summary>The table as a draw records it: <c>outcome:weight</c>, comma-separated, in order.</summary>
    public string AsRecorded() => string.Join(',', Ranges.Select(r => r.Outcome + ":" + r.Weight.ToString(CultureInfo.InvariantCulture)));
}
