using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Api;

public sealed class LedgerApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Ledger_pages_newest_first_with_a_continuation_token()
    {
        var (_, pos, admin, memberId) = await TestShop.OpenAsync(fixture);
        for (var i = 1; i <= 5; i++)
        {
            using var adjusted = await admin.PostAsync($"api/v1/members/{memberId}/adjustments", new { delta = i * 10, reason = $"step {i}" }, $"page-{i}");
            await Json.ReadAsync(adjusted, 201);
        }

        var deltas = new List<long>();
        var pages = 0;
        string? token = null;
        do
        {
            var path = $"api/v1/members/{memberId}/ledger?pageSize=2" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            using var response = await pos.GetAsync(path);
            var page = await Json.ReadAsync(response, 200);
            var entries = page["entries"]!.AsArray();
            Assert.InRange(entries.Count, 1, 2);
            deltas.AddRange(entries.Select(e => e!["delta"]!.GetValue<long>()));
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal([50L, 40, 30, 20, 10], deltas);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Adjustment_replayed_with_the_same_idempotency_key_applies_once()
    {
        var (_, pos, admin, memberId) = await TestShop.OpenAsync(fixture);
        var body = new { delta = 75, reason = "compensation" };

        using var first = await admin.PostAsync($"api/v1/members/{memberId}/adjustments", body, "same-key");
        await Json.ReadAsync(first, 201);
        using var replay = await admin.PostAsync($"api/v1/members/{memberId}/adjustments", body, "same-key");
        await Json.ReadAsync(replay, 200);

        using var member = await pos.GetAsync($"api/v1/members/{memberId}");
        Assert.Equal(75, (await Json.ReadAsync(member, 200))["balance"]!.GetValue<long>());
    }

    [Fact]
    public async Task Adjustment_needs_an_idempotency_key_a_reason_and_an_admin_key()
    {
        var (_, pos, admin, memberId) = await TestShop.OpenAsync(fixture);
        var path = $"api/v1/members/{memberId}/adjustments";

        using var noKey = await admin.PostAsync(path, new { delta = 10, reason = "x" });
        using var noReason = await admin.PostAsync(path, new { delta = 10 }, "k-1");
        using var byPos = await pos.PostAsync(path, new { delta = 10, reason = "x" }, "k-2");

        Assert.Equal("idempotency-key-required", (await Json.ReadAsync(noKey, 400))["code"]!.GetValue<string>());
        Assert.Contains("reason", (await Json.ReadAsync(noReason, 422))["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal("scope-not-allowed", (await Json.ReadAsync(byPos, 403))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_ledger_query_is_400_naming_the_parameter()
    {
        var (_, pos, _, memberId) = await TestShop.OpenAsync(fixture);

        using var badSize = await pos.GetAsync($"api/v1/members/{memberId}/ledger?pageSize=0");
        using var badType = await pos.GetAsync($"api/v1/members/{memberId}/ledger?type=bonus-points");

        Assert.Equal("pageSize", (await Json.ReadAsync(badSize, 400))["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("type", (await Json.ReadAsync(badType, 400))["errors"]![0]!["field"]!.GetValue<string>());
    }
}
