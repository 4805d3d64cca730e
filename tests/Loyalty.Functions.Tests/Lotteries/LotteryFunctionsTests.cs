using Loyalty.Core.Lottery;
using Loyalty.Functions.Lotteries;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.Api;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Lotteries;

public sealed class LotteryFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private LotteryFunctions Lotteries => host.Function<LotteryFunctions>();

    private Task<Response> PutAsync(string key, string lotteryId, object body) =>
        CallAsync(Request("PUT", $"/api/v1/lotteries/{lotteryId}", body, key), r => Lotteries.Put(r, lotteryId, CancellationToken.None));

    private Task<Response> DrawAsync(string key, string lotteryId, object body, string? idempotencyKey) =>
        CallAsync(Request("POST", $"/api/v1/lotteries/{lotteryId}/draws", body, key, idempotencyKey is null ? null : Key(idempotencyKey)), r => Lotteries.Draw(r, lotteryId, CancellationToken.None));

    [Fact]
    public async Task A_published_lottery_shows_its_odds_and_a_draw_records_a_verifiable_outcome()
    {
        var tenant = await host.NewTenantAsync();
        var put = await PutAsync(tenant.Admin, "spring", new { name = "Spring draw", costPoints = 50, prizes = new[] { new { prizeId = "cup", name = "Cup", weight = 1, stock = 1 } }, noPrizeWeight = 3 });
        var member = await MemberWithPointsAsync(host, tenant, 200);

        var published = await CallAsync(Request("GET", "/api/v1/lotteries/spring", apiKey: tenant.Storefront), r => Lotteries.Get(r, "spring", CancellationToken.None));
        var draws = new List<Response>();
        for (var i = 0; i < 4; i++)
        {
            draws.Add(await DrawAsync(tenant.Storefront, "spring", new { memberId = member }, $"d-{i}"));
        }

        Assert.Equal(200, put.Status);
        Assert.Equal((0.25m, 4L), (published.Json["prizes"]![0]!["probability"]!.GetValue<decimal>(), published.Json["totalWeight"]!.GetValue<long>()));
        Assert.All(draws, d => Assert.Equal(201, d.Status));
        Assert.True(draws.Count(d => d.Json["won"]!.GetValue<bool>()) <= 1, "one cup in stock can be won at most once");
        Assert.All(draws, d => Assert.Equal(d.Json["outcome"]!.GetValue<string>(), OddsTable.Parse(d.Json["odds"]!.GetValue<string>()).Pick(d.Json["number"]!.GetValue<long>())));
        Assert.Equal(0, (await MemberAsync(host, tenant, member)).Json["available"]!.GetValue<long>());
        var broke = await DrawAsync(tenant.Storefront, "spring", new { memberId = member }, "d-5");
        Assert.Equal((422, "insufficient-points"), (broke.Status, broke.Code));
        var ledger = await LedgerTypesAsync(host, tenant, member);
        Assert.Equal(4, ledger.Count(t => t == "lottery"));
        Assert.Equal(1, draws[0].Json["oddsVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_lotteries_and_draws_are_refused_with_problem_documents()
    {
        var tenant = await host.NewTenantAsync();
        await PutAsync(tenant.Admin, "closed", new { name = "Closed", costPoints = 1, prizes = new[] { new { prizeId = "pen", name = "Pen", weight = 1, stock = 5 } }, active = false });
        var member = await MemberWithPointsAsync(host, tenant, 10);

        var invalid = await PutAsync(tenant.Admin, "bad", new { name = "", costPoints = 0, prizes = new[] { new { prizeId = "none", name = "x", weight = 0, stock = -1 } } });
        var byStorefront = await PutAsync(tenant.Storefront, "x", new { name = "x", costPoints = 1, prizes = Array.Empty<object>() });
        var closed = await DrawAsync(tenant.Storefront, "closed", new { memberId = member }, "a");
        var unknown = await DrawAsync(tenant.Storefront, "nope", new { memberId = member }, "b");
        var badMember = await DrawAsync(tenant.Storefront, "closed", new { memberId = "bad id" }, "c");
        var noKey = await DrawAsync(tenant.Storefront, "closed", new { memberId = member }, null);
        var missing = await CallAsync(Request("GET", "/api/v1/lotteries/nope", apiKey: tenant.Storefront), r => Lotteries.Get(r, "nope", CancellationToken.None));

        Assert.Equal(["name", "costPoints", "prizes[0].prizeId"], invalid.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(403, byStorefront.Status);
        Assert.Equal((422, "lottery-closed"), (closed.Status, closed.Code));
        Assert.Equal((404, "lottery-not-found"), (unknown.Status, unknown.Code));
        Assert.Equal(422, badMember.Status);
        Assert.Equal(400, noKey.Status);
        Assert.Equal(404, missing.Status);
        Assert.Equal(10, (await MemberAsync(host, tenant, member)).Json["available"]!.GetValue<long>());
    }
}
