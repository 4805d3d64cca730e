using System.Text;
using CsCheck;
using Loyalty.Functions.Activities;
using Loyalty.Functions.Donations;
using Loyalty.Functions.Family;
using Loyalty.Functions.Freezes;
using Loyalty.Functions.Lotteries;
using Loyalty.Functions.Gifts;
using Loyalty.Functions.Members;
using Loyalty.Functions.Pos;
using Loyalty.Functions.Programs;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Refunds;
using Loyalty.Functions.Tenants;
using Loyalty.Functions.Tests.Support;
using Loyalty.Functions.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Fuzz;

/// <summary>
/// Every write endpoint fed malformed bodies: always a 4xx problem document, never a 500, never partial state: the
/// registered member the requests name keeps its balance, ledger and profile, and no row of any table changes.
/// </summary>
public sealed class MalformedInputTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private static readonly string[] Classics =
    [
        string.Empty, "null", "[]", "{", "}", "123", "\"text\"", "true", "{\"a\":", "{'single':'quotes'}", "{\"memberId\":}",
        "{\"memberId\":\"m\",}", "{\"cashPaid\":1e400}", "{\"pointsPaid\":99999999999999999999999}", "{\"delta\":1.5}",
        "{\"lines\":[null]}", "{\"lines\":{}}", "{\"orderId\":[\"x\"]}", "{\"occurredAt\":\"yesterday\"}", "{\"scope\":\"root\"}",
        "{\"expiry\":{\"mode\":7}}", new string('[', 5000), "{\"name\":\"\\ud800\"}", "{\"memberId\":\"\u0000\"}", "{/*c*/}",
        "{\"memberId\":\"" + new string('x', 2_000_000) + "\"}",
    ];

    private static readonly Gen<string> RandomJsonish = Gen.OneOf(
        Gen.String[Gen.Char["{}[]\":,0123456789.-eEtrufalsn \\abcxyz"], 0, 80],
        Gen.String.Select(s => "{\"memberId\":" + s + "}"),
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 12], Gen.String, (k, v) => $"{{\"{k}\":\"{v}\"}}"));

    private List<(string Name, Func<HttpRequest, Task<IActionResult>> Call, string Key)> Endpoints(TenantKeys tenant)
    {
        var members = host.Function<MemberFunctions>();
        var purchases = host.Function<PurchaseFunctions>();
        var programs = host.Function<ProgramFunctions>();
        var tenants = host.Function<TenantFunctions>();
        var pos = host.Function<PosFunctions>();
        var family = host.Function<FamilyFunctions>();
        var donations = host.Function<DonationFunctions>();
        var lotteries = host.Function<LotteryFunctions>();
        var freezes = host.Function<FreezeFunctions>();
        var gifts = host.Function<GiftFunctions>();
        var refunds = host.Function<RefundFunctions>();
        var activities = host.Function<ActivityFunctions>();
        var webhooks = host.Function<WebhookFunctions>();
        var wechat = host.Function<WeChatBindingFunctions>();
        return
        [
            ("register", r => members.Register(r, NoDurable.Client, CancellationToken.None), tenant.Pos),
            ("adjust", r => members.Adjust(r, "fuzz-member", CancellationToken.None), tenant.Admin),
            ("purchase", r => purchases.Submit(r, CancellationToken.None), tenant.Pos),
            ("program", r => programs.Put(r, CancellationToken.None), tenant.Admin),
            ("key", r => tenants.CreateKey(r, CancellationToken.None), tenant.Admin),
            ("tenant", r => tenants.CreateTenant(r, CancellationToken.None), tenant.Admin),
            ("quote", r => pos.Quote(r, CancellationToken.None), tenant.Pos),
            ("hold", r => pos.Hold(r, CancellationToken.None), tenant.Pos),
            ("freeze", r => freezes.Freeze(r, "fuzz-member", CancellationToken.None), tenant.Admin),
            ("invite", r => family.Invite(r, CancellationToken.None), tenant.Storefront),
            ("transfer", r => family.Transfer(r, CancellationToken.None), tenant.Storefront),
            ("project", r => donations.PutProject(r, "fuzz-project", CancellationToken.None), tenant.Admin),
            ("donate", r => donations.Donate(r, CancellationToken.None), tenant.Storefront),
            ("lottery", r => lotteries.Put(r, "fuzz-lottery", CancellationToken.None), tenant.Admin),
            ("draw", r => lotteries.Draw(r, "fuzz-lottery", CancellationToken.None), tenant.Storefront),
            ("gift", r => gifts.Put(r, "fuzz-gift", CancellationToken.None), tenant.Admin),
            ("gift-stock", r => gifts.AdjustStock(r, "fuzz-gift", CancellationToken.None), tenant.Admin),
            ("gift-codes", r => gifts.LoadCodes(r, "fuzz-gift", CancellationToken.None), tenant.Admin),
            ("refund", r => refunds.Submit(r, CancellationToken.None), tenant.Pos),
            ("share", r => activities.Share(r, "fuzz-member", CancellationToken.None), tenant.Storefront),
            ("task", r => activities.CompleteTask(r, "fuzz-member", "fuzz-task", CancellationToken.None), tenant.Storefront),
            ("grant", r => activities.Grant(r, CancellationToken.None), tenant.Admin),
            ("preview", r => programs.Preview(r, CancellationToken.None), tenant.Pos),
            ("webhook-channel", r => webhooks.Configure(r, "fuzz-channel", CancellationToken.None), tenant.Admin),
            ("wechat-binding", r => wechat.Bind(r, "fuzz-member", CancellationToken.None), tenant.Storefront),
            ("wechat-scene", r => wechat.IssueScene(r, "fuzz-member", CancellationToken.None), tenant.Storefront),
        ];
    }

    private static HttpRequest RawRequest(string body, string apiKey, string? contentType = "application/json")
    {
        var request = Request("POST", "/api/v1/fuzz", apiKey: apiKey, headers: new Dictionary<string, string>
        {
            ["Idempotency-Key"] = "fuzz-" + Guid.NewGuid().ToString("N"),
            ["X-Bootstrap-Secret"] = BootstrapSecret,
            // So PUT /program reads the body instead of stopping at 428; no other endpoint reads If-Match.
            ["If-Match"] = "*",
        });
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        request.ContentType = contentType;
        return request;
    }

    private static async Task AssertClientErrorAsync(string endpoint, string body, HttpRequest request, Func<HttpRequest, Task<IActionResult>> call)
    {
        var response = await CallAsync(request, call);
        var shown = body.Length > 60 ? body[..60] + "..." : body;
        Assert.True(response.Status is >= 400 and < 500, $"{endpoint} answered {response.Status} to {shown}");
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", response.Json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classic_malformed_bodies_get_a_problem_document_and_change_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var before = await RegisteredMemberAsync(tenant);
        foreach (var (name, call, key) in Endpoints(tenant))
        {
            foreach (var body in Classics)
            {
                await AssertClientErrorAsync(name, body, RawRequest(body, key), call);
            }

            await AssertClientErrorAsync(name, "<xml/>", RawRequest("<xml/>", key, "application/xml"), call);
        }

        await AssertNothingChangedAsync(tenant, before);
    }

    [Fact]
    public async Task Random_bodies_never_produce_a_server_error()
    {
        var tenant = await host.NewTenantAsync();
        var before = await RegisteredMemberAsync(tenant);
        var endpoints = Endpoints(tenant);
        await RandomJsonish.SampleAsync(
            async body =>
            {
                foreach (var (name, call, key) in endpoints)
                {
                    var response = await CallAsync(RawRequest(body, key), call);
                    Assert.True(response.Status < 500, $"{name} answered {response.Status} to {body}");
                }
            },
            iter: 150,
            threads: 1);

        await AssertNothingChangedAsync(tenant, before);
    }

    /// <summary>The member every member route of <see cref="Endpoints"/> names, registered with points to lose.</summary>
    private async Task<(string Member, string Ledger, StorageSnapshot Storage)> RegisteredMemberAsync(TenantKeys tenant)
    {
        await Api.MemberWithPointsAsync(host, tenant, 500, "fuzz-member");
        return await StateAsync(tenant);
    }

    private async Task<(string Member, string Ledger, StorageSnapshot Storage)> StateAsync(TenantKeys tenant)
    {
        var member = await host.MemberAsync(tenant.Pos, "fuzz-member");
        var ledger = await CallAsync(Request("GET", "/api/v1/members/fuzz-member/ledger", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Ledger(r, "fuzz-member", CancellationToken.None));
        Assert.Equal((200, 200), (member.Status, ledger.Status));
        return (member.Text, ledger.Text, await StorageSnapshot.TakeAsync(host));
    }

    private async Task AssertNothingChangedAsync(TenantKeys tenant, (string Member, string Ledger, StorageSnapshot Storage) before)
    {
        var after = await StateAsync(tenant);

        Assert.Equal(before.Member, after.Member);
        Assert.Equal(before.Ledger, after.Ledger);
        Assert.Contains("\"available\":500", after.Member, StringComparison.Ordinal);
        Assert.Empty(after.Storage.ChangedSince(before.Storage));
        Assert.Equal(0, after.Storage.QueuedMessages);
        var program = await CallAsync(Request("GET", "/api/v1/program", apiKey: tenant.Pos), r => host.Function<ProgramFunctions>().Get(r, CancellationToken.None));
        Assert.Equal(0, program.Json["version"]!.GetValue<int>());
    }
}
