namespace Loyalty.Core.Insights;

/// <summary>One referrer (a KOC candidate): the members they brought in the range, how many of those bought, and what those spent.</summary>
public sealed record ReferrerEffect(string MemberId, int Referees, int Converted, decimal RefereeSpend);
