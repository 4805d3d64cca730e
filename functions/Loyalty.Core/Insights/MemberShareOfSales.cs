namespace Loyalty.Core.Insights;

/// <summary>
/// Members' share of sales (会员消费占比) over a range: member sales amount / (member + non-member sales amount). The
/// platform only sees non-member sales where the POS reports them (<see cref="TenantDay.NonMemberSales"/>); when any day
/// of the range lacks them, <see cref="Share"/> is undefined rather than a misleading 100%.
/// </summary>
public sealed record MemberShareOfSales(DateRange Range, SalesTally Members, SalesTally? NonMembers)
{
    public const string NonMemberSalesUnknown = "non-member-sales-not-reported";

    public decimal? Share => NonMembers is null ? null : new Ratio(Members.Amount, Members.Amount + NonMembers.Amount).Value;

    public string? UndefinedReason => NonMembers is null ? NonMemberSalesUnknown : Share is null ? Ratio.EmptyDenominator : null;

    public static MemberShareOfSales Over(IEnumerable<TenantDay> days, DateRange range)
    {
        var inRange = PointsFlow.In(days, range).ToList();
        var members = inRange.Aggregate(SalesTally.None, (sum, d) => sum.Plus(d.MemberSales));
        var reported = inRange.Count == range.Days && inRange.All(d => d.NonMemberSales is not null);
        var nonMembers = reported ? inRange.Aggregate(SalesTally.None, (sum, d) => sum.Plus(d.NonMemberSales!)) : null;
        return new MemberShareOfSales(range, members, nonMembers);
    }
}
