using Loyalty.Core.Insights;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class DormancyTests
{
    [Fact]
    public void Dormant_members_are_counted_by_store_and_tier_and_listed_in_id_order()
    {
        MemberActivity[] members =
        [
            Member("m3", tier: "gold", store: "sh-01") with { LastActivityOn = D("2026-01-01") }, // 2026-04-01 - 2026-01-01 = 90 days: dormant
            Member("m2", store: "sh-01") with { LastActivityOn = D("2026-01-02") }, // 89 days: active
            Member("m1", registered: "2025-12-01"), // never active, registered 121 days ago: dormant
            Member("m4", registered: "2026-03-01"), // never active but new: 31 days
            Member("m5", store: "bj-02") with { LastActivityOn = D("2025-06-30") },
        ];

        var dormant = Dormancy.Find(members, D("2026-04-01"), 90);

        Assert.Equal(["m1", "m3", "m5"], dormant.MemberIds);
        Assert.Equal(3, dormant.Count);
        Assert.Equal(new Dictionary<string, int> { [Dormancy.NoStore] = 1, ["bj-02"] = 1, ["sh-01"] = 1 }, dormant.ByStore);
        Assert.Equal(new Dictionary<string, int> { ["gold"] = 1, ["normal"] = 2 }, dormant.ByTier);
    }

    [Fact]
    public void An_empty_tenant_has_no_dormant_members()
    {
        var dormant = Dormancy.Find([], D("2026-04-01"), 30);

        Assert.Equal(0, dormant.Count);
        Assert.Empty(dormant.ByStore);
    }
}
