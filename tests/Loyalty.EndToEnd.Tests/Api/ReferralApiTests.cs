using System.Text.Json.Nodes;
using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Api;

/// <summary>Referral rewards (老带新) over real HTTP: the registration starts the driver in the dev host's Durable host, the accrual queue's credit wakes it.</summary>
public sealed class ReferralApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task<JsonNode> ReadAsync(ApiClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await Json.ReadAsync(response, 200);
    }

    /// <summary>The member's referral credits, as their ledger shows them (one per referral and side, keyed so).</summary>
    private static async Task<List<(long Delta, string Side)>> RewardsAsync(ApiClient client, string memberId) =>
        [.. (await ReadAsync(client, $"api/v1/members/{memberId}/ledger")).AsObject()["entries"]!.AsArray()
            .Where(e => e!["idempotencyKey"]?.GetValue<string>().StartsWith("referral:", StringComparison.Ordinal) == true)
            .Select(e => (e!["delta"]!.GetValue<long>(), e["details"]!["side"]!.GetValue<string>()))];

    private static async Task BuyAsync(ApiClient pos, string memberId)
    {
        var orderId = Orders.NewId("o");
        using var submitted = await pos.PostAsync("api/v1/purchases", Orders.Purchase(orderId, memberId));
        await Json.ReadAsync(submitted, 202);
        await pos.WaitForStatusAsync($"api/v1/purchases/{orderId}", "credited", Patience);
    }

    [Fact]
    public async Task A_referee_who_buys_earns_both_sides_their_reward_once_and_a_second_purchase_earns_no_more()
    {
        var shop = await TestShop.OpenAsync(fixture, "referral");
        var (pos, admin, a) = (shop.Pos, shop.Admin, shop.MemberId);
        using var program = await admin.PutAsync(
            "api/v1/program",
            new
            {
                earning = new { returnWindowDays = 0 },
                referrals = new { enabled = true, referrerPoints = 100, refereePoints = 50, minCashAmount = 50m, timeoutDays = 30 },
            },
            ifMatch: "\"0\"");
        await Json.ReadAsync(program, 200);
        var code = (await ReadAsync(pos, $"api/v1/members/{a}"))["referralCode"]!.GetValue<string>();

        var b = Orders.NewId("m");
        using var registered = await pos.PostAsync("api/v1/members", new { memberId = b, name = "Han Meimei", referralCode = code.ToLowerInvariant() });
        var referral = (await Json.ReadAsync(registered, 201))["referral"]!;
        Assert.Equal(("waiting", a), (referral["status"]!.GetValue<string>(), referral["referrerId"]!.GetValue<string>()));

        await BuyAsync(pos, b);
        var (forA, forB) = await Poll.UntilAsync(
            async () => (await RewardsAsync(pos, a), await RewardsAsync(pos, b)),
            r => r.Item1.Count > 0 && r.Item2.Count > 0,
            Patience);

        Assert.Equal([(100L, "referrer")], forA);
        Assert.Equal([(50L, "referee")], forB);
        var (summaryA, summaryB) = (await ReadAsync(pos, $"api/v1/members/{a}"), await ReadAsync(pos, $"api/v1/members/{b}"));
        Assert.Equal((100L, 114L), (summaryA["balance"]!.GetValue<long>(), summaryB["balance"]!.GetValue<long>()));
        var list = await ReadAsync(pos, $"api/v1/members/{a}/referrals");
        Assert.Equal((1, 100L), (list["rewarded"]!.GetValue<int>(), list["pointsEarned"]!.GetValue<long>()));
        var item = Assert.Single(list["referrals"]!.AsArray())!;
        Assert.Equal((b, "rewarded", 100L, 50L), (item["refereeId"]!.GetValue<string>(), item["status"]!.GetValue<string>(), item["referrerPoints"]!.GetValue<long>(), item["refereePoints"]!.GetValue<long>()));

        await BuyAsync(pos, b);
        // The referral is closed, so nothing is waiting to be woken; a little time lets a wrong second reward show.
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal([(100L, "referrer")], await RewardsAsync(pos, a));
        Assert.Equal([(50L, "referee")], await RewardsAsync(pos, b));
        Assert.Equal(178L, (await ReadAsync(pos, $"api/v1/members/{b}"))["balance"]!.GetValue<long>());
        var again = await ReadAsync(pos, $"api/v1/members/{a}/referrals");
        Assert.Equal((1, 100L, "rewarded"), (again["rewarded"]!.GetValue<int>(), again["pointsEarned"]!.GetValue<long>(), Assert.Single(again["referrals"]!.AsArray())!["status"]!.GetValue<string>()));
    }
}
