namespace Loyalty.Core.Referrals;

/// <summary>What a member shares to refer others: their code and, when the program has a link template, the link.</summary>
public sealed record ReferralCard(string MemberId, string Code, string? Link, bool Enabled);
