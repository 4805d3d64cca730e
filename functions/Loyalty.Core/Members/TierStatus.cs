using Loyalty.Core.Programs;

namespace Loyalty.Core.Members;

/// <summary>A member's tier, its benefits, and how far they are from the next one.</summary>
public sealed record TierStatus(
    string Tier,
    TierLevel Benefits,
    TierBasis Basis,
    TierWindow Window,
    decimal Qualifying,
    string? NextTier,
    decimal? ToNextTier,
    DateTimeOffset? ReviewAt)
{
    public static TierStatus For(MemberAccount account, ProgramRules program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(program);
        var rules = program.Tiers;
        var level = TierEngine.Effective(account, program, now);
        var qualifying = TierEngine.QualifyingValue(account, rules, now, program.Zone());
        var next = rules.Levels.Skip(TierEngine.Rank(level.Name, rules) + 1).FirstOrDefault();
        return new TierStatus(
            level.Name,
            level,
            rules.Basis,
            rules.Window,
            qualifying,
            next?.Name,
            next is null ? null : Math.Max(0, next.Threshold - qualifying),
            level.Name == account.Tier ? account.TierReviewAt : null);
    }
}
