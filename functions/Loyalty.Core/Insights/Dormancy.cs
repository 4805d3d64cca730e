namespace Loyalty.Core.Insights;

/// <summary>
/// A member is dormant (沉睡) after <c>days</c> days without activity: the last day with any ledger entry — or the day
/// they registered, when they never had one — is at least <c>days</c> days before today. So with 90 days, a member last
/// active on 1 January is dormant from 1 April (90 days later) on.
/// </summary>
public static class Dormancy
{
    public static bool IsDormant(MemberActivity member, DateOnly today, int days)
    {
        ArgumentNullException.ThrowIfNull(member);
        return today.DayNumber - (member.LastActivityOn ?? member.RegisteredOn).DayNumber >= days;
    }

    /// <summary>Dormant members, counted by home store (<see cref="NoStore"/> when none) and by tier, and listed by member id.</summary>
    public static DormantMembers Find(IEnumerable<MemberActivity> members, DateOnly today, int days)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var dormant = members.Where(m => IsDormant(m, today, days)).OrderBy(m => m.MemberId, StringComparer.Ordinal).ToList();
        return new DormantMembers(
            days,
            dormant.Count,
            Count(dormant, m => m.StoreId ?? NoStore),
            Count(dormant, m => m.Tier),
            [.. dormant.Select(m => m.MemberId)]);
    }

    /// <summary>The key members without a home store count under.</summary>
    public const string NoStore = "";

    private static Dictionary<string, int> Count(IEnumerable<MemberActivity> members, Func<MemberActivity, string> key) =>
        members.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
