namespace Loyalty.Core.Referrals;

/// <summary>
/// The program's <c>referrals</c> block (老带新): what a member earns for bringing in a new member who then buys, what the
/// new member earns, which first purchase counts, how long it may take, and how many referrals one member is paid for.
/// </summary>
public sealed record ReferralRules
{
    public bool Enabled { get; init; }

    /// <summary>Points for the member whose code was used, once the referee's first qualifying purchase is final.</summary>
    public long ReferrerPoints { get; init; }

    /// <summary>Points for the new member.</summary>
    public long RefereePoints { get; init; }

    /// <summary>True: the referee's points are credited when they register with a code, not after their purchase.</summary>
    public bool RefereePointsAtSignUp { get; init; }

    /// <summary>The cash a purchase must pay (program currency) to qualify.</summary>
    public decimal MinCashAmount { get; init; }

    /// <summary>Stores whose purchases qualify; empty means every store.</summary>
    public IReadOnlyList<string> EligibleStores { get; init; } = [];

    /// <summary>Days from the referral to the qualifying purchase; a referral with none by then expires.</summary>
    public int TimeoutDays { get; init; } = 30;

    /// <summary>Days after registering within which a member may still name who referred them (<c>POST /members/{id}/referrer</c>).</summary>
    public int ReferrerWindowDays { get; init; } = 7;

    /// <summary>Rewarded referrals per referrer per calendar month (tenant time zone); 0 = no cap.</summary>
    public int MaxRewardsPerMonth { get; init; }

    /// <summary>Rewarded referrals per referrer ever; 0 = no cap.</summary>
    public int MaxRewardsLifetime { get; init; }

    /// <summary>Whether referral rewards (both sides') count toward the tier like points earned from purchases; only tiers by points earned count points.</summary>
    public bool CountsTowardTier { get; init; }

    /// <summary>The share link, with <c>{code}</c> where the member's code goes (e.g. https://shop.example/join?ref={code}).</summary>
    public string? ShareLinkTemplate { get; init; }

    public const string CodePlaceholder = "{code}";

    public string? LinkFor(string code) => ShareLinkTemplate?.Replace(CodePlaceholder, Uri.EscapeDataString(code), StringComparison.Ordinal);

    /// <summary>Whether a purchase of <paramref name="cashPaid"/> at <paramref name="storeId"/> can be the referee's qualifying one.</summary>
    public bool Qualifies(decimal cashPaid, string? storeId) =>
        cashPaid > 0 && cashPaid >= MinCashAmount && (EligibleStores.Count == 0 || (storeId is not null && EligibleStores.Contains(storeId)));
}
