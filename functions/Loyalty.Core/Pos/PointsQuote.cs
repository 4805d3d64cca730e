namespace Loyalty.Core.Pos;

/// <summary>
/// What a basket costs this member and how many points can pay for it. <see cref="MaxPoints"/> is the most points
/// usable (0 with a <see cref="Limit"/> saying why); <see cref="CashToPay"/> and <see cref="PointsEarnedOnCash"/>
/// assume the member uses them all.
/// </summary>
public sealed record PointsQuote(
    string MemberId,
    string Tier,
    string Currency,
    IReadOnlyList<QuotedLine> Lines,
    decimal ListTotal,
    decimal Total,
    decimal Savings,
    decimal EligibleAmount,
    long Available,
    long PointsPerYuan,
    long MinPoints,
    long MaxPoints,
    decimal MaxCashValue,
    decimal CashToPay,
    long PointsEarnedOnCash,
    string Limit);
