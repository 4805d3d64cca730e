namespace Loyalty.Core.Gifts;

/// <summary>The tier ladder, lowest first. Early access compares ranks; an unknown tier ranks with the lowest.</summary>
public static class MemberTiers
{
    public static IReadOnlyList<string> Ladder { get; } = ["normal", "silver", "gold", "diamond"];

    public static bool IsKnown(string? tier) => tier is not null && Ladder.Contains(tier, StringComparer.OrdinalIgnoreCase);

    public static int Rank(string? tier)
    {
        for (var i = 0; i < Ladder.Count; i++)
        {
            if (string.Equals(Ladder[i], tier, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return 0;
    }
}
