using System.Globalization;
using Loyalty.Core.Common;

namespace Loyalty.Core.Gifts;

/// <summary>Whether a member may take one more unit of a gift now. Pure: the reserve step and the API's early check share it.</summary>
public static class GiftRules
{
    /// <summary>When redemption opens for a member of <paramref name="tier"/>: the earliest opening of their tier or any tier below it, else the general opening.</summary>
    public static DateTimeOffset? OpensAtFor(Gift gift, string? tier)
    {
        ArgumentNullException.ThrowIfNull(gift);
        var rank = MemberTiers.Rank(tier);
        var early = gift.EarlyAccess.Where(e => MemberTiers.Rank(e.Tier) <= rank).Select(e => (DateTimeOffset?)e.OpensAt).Min();
        return early is { } e && (gift.OpensAt is null || e < gift.OpensAt) ? e : gift.OpensAt ?? early;
    }

    public static Error? CheckEligible(Gift gift, string? tier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(gift);
        if (!gift.IsVisible(now))
        {
            return Error.Rule("gift-unavailable", $"Gift '{gift.GiftId}' is not available for redemption now.");
        }

        if (gift.EligibleTiers.Count > 0 && !gift.EligibleTiers.Contains(tier ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            return Error.Rule("tier-not-eligible", $"Gift '{gift.GiftId}' is reserved for members of tier {string.Join(" or ", gift.EligibleTiers)}.");
        }

        if (OpensAtFor(gift, tier) is { } opensAt && now < opensAt)
        {
            return Error.Rule("gift-not-open-yet", $"Gift '{gift.GiftId}' opens for tier '{tier}' at {opensAt.ToString("O", CultureInfo.InvariantCulture)}.");
        }

        return null;
    }

    /// <summary>Every rule for taking one unit: eligibility, stock, and the per-member limit given how many the member already holds.</summary>
    public static Error? CheckReservable(Gift gift, string? tier, int memberCount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(gift);
        if (CheckEligible(gift, tier, now) is { } notEligible)
        {
            return notEligible;
        }

        if (gift.Stock <= 0)
        {
            return Error.Rule("out-of-stock", $"Gift '{gift.GiftId}' is out of stock.");
        }

        return gift.PerMemberLimit is { } limit && memberCount >= limit
            ? Error.Rule("member-limit-reached", $"A member may redeem gift '{gift.GiftId}' at most {limit} time(s).")
            : null;
    }
}
