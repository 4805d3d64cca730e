using Loyalty.Functions.Lotteries;
using Loyalty.Functions.Tests.Support;
using Loyalty.Testing.Lottery;
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

    private Task<Response> PublishedAsync(string key, string lotteryId) =>
        CallAsync(Request("GET", $"/api/v1/lotteries/{lotteryId}", apiKey: key), r => Lotteries.Get(r, lotteryId, CancellationToken.None));

    private static PublishedOdds OddsOf(Response published) => PublishedOdds.From(
        published.Json["prizes"]!.AsArray().Select(p => (p!["prizeId"]!.GetValue<string>(), p["weight"]!.GetValue<long>(), p["stock"]!.GetValue<long>())),
        published.Json["noPrizeWeight"]!.GetValue<long>());

    /// <summary>
    /// Each draw is audited against the odds GET published just before it (the cup's range wins nothing once it is
    /// gone), recomputed by the test's own reading of the published rule.
    /// </summary>
    [Fact]
    public async Task Every_draw_follows_the_odds_published_just_before_it_and_records_that_table()
    {
        var tenant = await host.NewTenantAsync();
        var put = await PutAsync(tenant.Admin, "spring", new { name = "Spring draw", costPoints = 50, prizes = new[] { new { prizeId = "cup", name = "Cup", weight = 1, stock = 1 } }, noPrizeWeight = 3 });
        var member = await MemberWithPointsAsync(host, tenant, 200);

        var audited = new List<(PublishedOdds Odds, Response Draw)>();
        for (var i = 0; i < 4; i++)
        {
            var published = await PublishedAsync(tenant.Storefront, "spring");
            Assert.Equal(OddsOf(published).Total, published.Json["totalWeight"]!.GetValue<long>());
            audited.Add((OddsOf(published), await DrawAsync(tenant.Storefront, "spring", new { memberId = member }, $"d-{i}")));
        }

        Assert.Equal(200, put.Status);
        Assert.Equal("cup:1,none:3", audited[0].Odds.AsRecorded());
        Assert.All(audited, a => Assert.Equal(201, a.Draw.Status));
        Assert.All(audited, a => Assert.Equal(a.Odds.AsRecorded(), a.Draw.Json["odds"]!.GetValue<string>()));
        Assert.All(audited, a => Assert.Equal(a.Odds.OutcomeOf(a.Draw.Json["number"]!.GetValue<long>()), a.Draw.Json["outcome"]!.GetValue<string>()));
        Assert.All(audited, a => Assert.Equal(a.Draw.Json["outcome"]!.GetValue<string>() != PublishedOdds.NoPrize, a.Draw.Json["won"]!.GetValue<bool>()));
        Assert.True(audited.Count(a => a.Draw.Json["won"]!.GetValue<bool>()) <= 1, "one cup in stock can be won at most once");
        Assert.Equal(0, (await MemberAsync(host, tenant, member)).Json["available"]!.GetValue<long>());
        var broke = await DrawAsync(tenant.Storefront, "spring", new { memberId = member }, "d-5");
        Assert.Equal((422, "insufficient-points"), (broke.Status, broke.Code));
        var ledger = await LedgerTypesAsync(host, tenant, member);
        Assert.Equal(4, ledger.Count(t => t == "lottery"));
        Assert.Equal(1, audited[0].Draw.Json["oddsVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_published_odds_show_each_prizes_probability_and_the_total_weight()
    {
        var tenant = await host.NewTenantAsync();
        await PutAsync(tenant.Admin, "odds", new { name = "Odds", costPoints = 5, prizes = new[] { new { prizeId = "cup", name = "Cup", weight = 1, stock = 1 }, new { prizeId = "pen", name = "Pen", weight = 4, stock = 0 } }, noPrizeWeight = 3 });

        var published = await PublishedAsync(tenant.Storefront, "odds");

        Assert.Equal(8, published.Json["totalWeight"]!.GetValue<long>());
        Assert.Equal([0.125m, 0m], published.Json["prizes"]!.AsArray().Select(p => p!["probability"]!.GetValue<decimal>()));
        Assert.Equal(0.875m, published.Json["noPrizeProbability"]!.GetValue<decimal>());
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
