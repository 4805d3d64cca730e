using Loyalty.Core.Common;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Referrals;

/// <summary>The program's <c>referrals</c> block: points, the qualifying purchase, the time limits, the caps and the share link.</summary>
public static class ReferralRulesValidator
{
    public static void Validate(ReferralRules referrals, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Range("referrerPoints", ProgramBounds.RulePoints, referrals.ReferrerPoints);
        errors.Range("refereePoints", ProgramBounds.RulePoints, referrals.RefereePoints);
        errors.Range("minCashAmount", ProgramBounds.ReferralMinCash, referrals.MinCashAmount);
        errors.Range("timeoutDays", ProgramBounds.ReferralTimeoutDays, referrals.TimeoutDays);
        errors.Range("referrerWindowDays", ProgramBounds.ReferrerWindowDays, referrals.ReferrerWindowDays);
        errors.Range("maxRewardsPerMonth", ProgramBounds.ReferralCap, referrals.MaxRewardsPerMonth);
        errors.Range("maxRewardsLifetime", ProgramBounds.ReferralCap, referrals.MaxRewardsLifetime);
        if (referrals.EligibleStores is null || !ProgramBounds.ReferralStores.Contains(referrals.EligibleStores.Count))
        {
            errors.AddRange([ProgramBounds.ReferralStores.CountViolation(errors.PathOf("eligibleStores"))]);
        }
        else if (referrals.EligibleStores.Any(s => !ResourceId.IsValid(s)))
        {
            errors.Add("eligibleStores", "pattern", "Every store id must be 1-64 letters, digits, '_', '.' or '-'.");
        }

        if (referrals.ShareLinkTemplate is { } template && !IsLinkTemplate(template))
        {
            errors.Add("shareLinkTemplate", "link-template", $"shareLinkTemplate must be an absolute https or http URL of at most {MaxLinkLength} characters containing {ReferralRules.CodePlaceholder} once.");
        }

        if (referrals.Enabled && referrals.ReferrerPoints == 0 && referrals.RefereePoints == 0)
        {
            errors.Add("referrerPoints", "reward-required", "An enabled referral program must reward the referrer, the referee or both.");
        }
    }

    public const int MaxLinkLength = TextBounds.UrlLength;

    private static bool IsLinkTemplate(string template)
    {
        var at = template.IndexOf(ReferralRules.CodePlaceholder, StringComparison.Ordinal);
        return template.Length <= MaxLinkLength
            && at >= 0
            && template.IndexOf(ReferralRules.CodePlaceholder, at + 1, StringComparison.Ordinal) < 0
            && Uri.TryCreate(template.Replace(ReferralRules.CodePlaceholder, "CODE", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http";
    }
}
