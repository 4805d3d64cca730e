namespace Loyalty.Core.Earning;

/// <summary>Points a basket earns and why, line by line, so a statement (and a rule preview) explains itself.</summary>
public sealed record EarningBreakdown(
    long Points,
    IReadOnlyList<LineEarning> Lines,
    IReadOnlyList<CampaignEarning> Campaigns,
    long LadderBonus,
    decimal TierMultiplier,
    long BirthdayBonus,
    decimal BirthdayMultiplier,
    bool Capped,
    string Explanation);

public sealed record LineEarning(
    int Index,
    string Sku,
    string? Category,
    decimal Amount,
    decimal CashAmount,
    bool Excluded,
    decimal BasePoints,
    decimal RuleMultiplier,
    IReadOnlyList<string> Campaigns,
    string Explanation);

public sealed record CampaignEarning(string CampaignId, string Name, long Points, bool Capped);
