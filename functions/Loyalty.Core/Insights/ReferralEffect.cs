namespace Loyalty.Core.Insights;

/// <summary>
/// The referral effect (裂变) of members who registered in a range. Only accepted referrals count: an invitation nobody
/// registered with is invisible to the platform, so an "invite" here is a registration with a member's code.
/// <list type="bullet">
/// <item><see cref="ReferralsPerMember"/> = referees registered in the range / members registered by its last day (everyone who could refer).</item>
/// <item><see cref="Conversion"/> = those referees with at least one purchase / referees.</item>
/// <item><see cref="KFactor"/> = referrals per member × conversion: the paying members each member brings.</item>
/// <item><see cref="ReferredShareOfNew"/> = referees / all members who registered in the range.</item>
/// <item><see cref="RefereeSpend"/> = the cash the range's referees spent, all their purchases so far.</item>
/// </list>
/// </summary>
public sealed record ReferralEffect(
    DateRange Range,
    int Members,
    int NewMembers,
    int Referees,
    int Converted,
    int Referrers,
    decimal RefereeSpend,
    IReadOnlyList<ReferrerEffect> TopReferrers)
{
    public Ratio ReferralsPerMember => new(Referees, Members);

    public Ratio Conversion => new(Converted, Referees);

    /// <summary>Referrals per member × conversion, which is converted referees / members: 0 when nobody referred anyone, null for a tenant without members.</summary>
    public Ratio KFactor => new(Converted, Members);

    public Ratio ReferredShareOfNew => new(Referees, NewMembers);
}
