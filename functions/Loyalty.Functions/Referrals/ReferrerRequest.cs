namespace Loyalty.Functions.Referrals;

/// <summary>Body of <c>POST /members/{id}/referrer</c>: the code of the member who referred this one.</summary>
public sealed record ReferrerRequest(string? ReferralCode);
