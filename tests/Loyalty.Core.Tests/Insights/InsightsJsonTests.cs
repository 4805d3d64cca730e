using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Insights;
using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class InsightsJsonTests
{
    [Fact]
    public void Summaries_and_days_round_trip_through_the_platform_json_without_derived_fields()
    {
        var member = Buyer("m1", "2026-01-20", ("2026-01", 2, 150m)) with { ReferredBy = "r1", BirthdayMonth = 6, Expiring = [new(D("2026-12-01"), 300)] };
        var day = Day("2026-01-20") with
        {
            PointsByType = Points((LedgerEntryType.Earn, 100)),
            SpentByChannel = Spent((SpendChannel.PosCash, 40)),
            Redemptions = [new("mug", "gold", null, 1, 500)],
        };

        var memberJson = JsonSerializer.Serialize(member, LoyaltyJson.Options);
        var back = JsonSerializer.Deserialize<MemberActivity>(memberJson, LoyaltyJson.Options)!;
        var dayBack = JsonSerializer.Deserialize<TenantDay>(JsonSerializer.Serialize(day, LoyaltyJson.Options), LoyaltyJson.Options)!;

        Assert.DoesNotContain("purchaseCount", memberJson, StringComparison.Ordinal);
        Assert.Equal(member.Months, back.Months);
        Assert.Equal((2, 150m, "r1"), (back.PurchaseCount, back.Spend, back.ReferredBy));
        Assert.Equal(100, dayBack.PointsByType[LedgerEntryType.Earn]);
        Assert.Equal(40, dayBack.SpentByChannel[SpendChannel.PosCash]);
        Assert.Equal(day.Redemptions, dayBack.Redemptions);
    }
}
