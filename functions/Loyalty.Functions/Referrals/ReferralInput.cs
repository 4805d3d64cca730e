namespace Loyalty.Functions.Referrals;

/// <summary>The driver's input: which referral (the row holds everything else, so a re-started driver needs nothing more).</summary>
public sealed record ReferralInput(string TenantId, string RefereeId);
