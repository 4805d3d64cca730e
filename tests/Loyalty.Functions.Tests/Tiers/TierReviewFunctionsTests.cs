using Loyalty.Functions.Members;
using Loyalty.Functions.Tests.Support;
using Loyalty.Functions.Tiers;
using Loyalty.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Tiers;

/// <summary>The daily ReviewTiers timer over the real schedule table: it writes the downgrade a review date calls for, once.</summary>
public sealed class TierReviewFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private static readonly object Program = new
    {
        earning = new { baseRatePoints = 1, baseRatePer = 1, returnWindowDays = 0 },
        tiers = new { levels = new object[] { new { name = "normal", threshold = 0 }, new { name = "silver", threshold = 500 } } },
    };

    private Task<Response> TierHistoryAsync(TenantKeys tenant, string memberId) =>
        CallAsync(Request("GET", $"/api/v1/members/{memberId}/ledger?type=tier", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Ledger(r, memberId, CancellationToken.None));

    private async Task<List<string>> ScheduledAsync(string tenantId)
    {
        var table = await host.Services.GetRequiredService<LoyaltyTables>().GetAsync(LoyaltyTables.TierReviews);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == tenantId))
        {
            rows.Add(row.GetString("MemberId"));
        }

        return rows;
    }

    private Task RunTimerAsync() => host.Function<TierReviewFunctions>().Run(new TimerInfo(), CancellationToken.None);

    [Fact]
    public async Task A_review_date_that_passed_downgrades_the_member_in_the_history_once_and_leaves_the_schedule_empty()
    {
        var tenant = await host.NewTenantAsync();
        await Api.PutProgramAsync(host, tenant, Program);
        await host.RegisterAsync(tenant.Pos, new { memberId = "m-1" });
        await host.PurchaseAsync(tenant.Pos, new { orderId = "o-1", memberId = "m-1", cashPaid = 600m, lines = new[] { new { sku = "tea", quantity = 1, unitPrice = 600m } } });
        await host.DrainQueueAsync();
        var scheduled = await ScheduledAsync(tenant.TenantId);

        await RunTimerAsync();
        var notDueYet = await TierHistoryAsync(tenant, "m-1");
        host.Time.Advance(TimeSpan.FromDays(400));
        await RunTimerAsync();
        var reviewed = await TierHistoryAsync(tenant, "m-1");
        var scheduledAfter = await ScheduledAsync(tenant.TenantId);
        await RunTimerAsync();
        var firedAgain = await TierHistoryAsync(tenant, "m-1");

        Assert.Equal(["m-1"], scheduled);
        Assert.Equal(["silver"], notDueYet.Json["entries"]!.AsArray().Select(e => e!["reference"]!.GetValue<string>()));
        Assert.Equal(["normal", "silver"], reviewed.Json["entries"]!.AsArray().Select(e => e!["reference"]!.GetValue<string>()));
        Assert.Empty(scheduledAfter);
        Assert.Equal(reviewed.Text, firedAgain.Text);
        Assert.Equal("normal", (await host.MemberAsync(tenant.Pos, "m-1")).Json["tier"]!.GetValue<string>());
    }
}
