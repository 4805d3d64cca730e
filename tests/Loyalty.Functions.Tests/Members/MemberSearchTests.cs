using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Functions.Members;
using Loyalty.Functions.Tests.Support;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Members;

public sealed class MemberSearchTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private Task<Response> ListAsync(string key, string query) =>
        CallAsync(Request("GET", "/api/v1/members" + query, apiKey: key), r => host.Function<MemberFunctions>().List(r, CancellationToken.None));

    private Task<Response> PatchAsync(string key, string id, object body) =>
        CallAsync(Request("PATCH", $"/api/v1/members/{id}", body, key), r => host.Function<MemberProfileFunctions>().Patch(r, id, CancellationToken.None));

    private static List<string> Ids(Response response) =>
        [.. response.Json["members"]!.AsArray().Select(m => m!["memberId"]!.GetValue<string>())];

    [Theory]
    [InlineData("13812345678")]
    [InlineData("+8613812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 (138) 1234-5678")]
    public async Task A_till_finds_the_member_by_phone_in_every_accepted_format(string typed)
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "f-1", phone = "+8613812345678", name = "Li Lei" });
        await host.RegisterAsync(tenant.Pos, new { memberId = "f-2", phone = "13812345679" });

        var found = await ListAsync(tenant.Pos, "?phone=" + Uri.EscapeDataString(typed));

        Assert.Equal(200, found.Status);
        var member = Assert.Single(found.Json["members"]!.AsArray())!;
        Assert.Equal(("f-1", "+86****5678"), (member["memberId"]!.GetValue<string>(), member["phoneMasked"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_storefront_key_sees_the_phone_masked_and_never_in_full()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "f-3", phone = "13900001111" });

        var found = await ListAsync(tenant.Storefront, "?phone=13900001111");

        Assert.Equal(["f-3"], Ids(found));
        Assert.DoesNotContain("13900001111", found.Text, StringComparison.Ordinal);
        Assert.Equal("+86****1111", found.Json["members"]![0]!["phoneMasked"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_or_foreign_number_finds_nobody_and_a_malformed_one_is_named()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "f-4", phone = "13900002222" });

        var unknown = await ListAsync(tenant.Pos, "?phone=13900003333");
        var foreign = await ListAsync(other.Pos, "?phone=13900002222");
        var malformed = await ListAsync(tenant.Pos, "?phone=12345");
        var mixed = await ListAsync(tenant.Pos, "?phone=13900002222&tier=gold");

        Assert.Equal((200, 0), (unknown.Status, Ids(unknown).Count));
        Assert.Equal((200, 0), (foreign.Status, Ids(foreign).Count));
        Assert.Equal((400, "phone"), (malformed.Status, malformed.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((400, "tier"), (mixed.Status, mixed.Json["errors"]![0]!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_list_is_for_admins_and_filters_by_store_registration_time_id_and_name_prefix()
    {
        var tenant = await host.NewTenantAsync();
        var start = host.Time.GetUtcNow();
        await host.RegisterAsync(tenant.Pos, new { memberId = "s-100", name = "王小明" });
        await host.RegisterAsync(tenant.Pos, new { memberId = "s-101", name = "Wang Xiaoming" });
        host.Time.Advance(TimeSpan.FromDays(2));
        await host.RegisterAsync(tenant.Pos, new { memberId = "t-200", name = "王芳" });
        await host.RegisterAsync(tenant.Pos, new { memberId = "t-201", name = "Wang Fang" });
        await PatchAsync(tenant.Pos, "t-201", new { storeId = "shanghai-1" });
        await PatchAsync(tenant.Pos, "s-100", new { storeId = "shanghai-1" });
        var all = await ListAsync(tenant.Admin, string.Empty);

        var byStore = await ListAsync(tenant.Admin, "?store=shanghai-1");
        var early = await ListAsync(tenant.Admin, "?registeredTo=" + Uri.EscapeDataString(start.AddDays(1).ToString("O")));
        var late = await ListAsync(tenant.Admin, "?registeredFrom=" + Uri.EscapeDataString(start.AddDays(1).ToString("O")));
        var idPrefix = await ListAsync(tenant.Admin, "?q=t-2");
        var surname = await ListAsync(tenant.Admin, "?q=" + Uri.EscapeDataString("王"));
        var longPrefix = await ListAsync(tenant.Admin, "?q=" + Uri.EscapeDataString("wang xiao"));
        var combined = await ListAsync(tenant.Admin, "?store=shanghai-1&q=" + Uri.EscapeDataString("王"));
        var pos = await ListAsync(tenant.Pos, string.Empty);

        Assert.Equal(["s-100", "s-101", "t-200", "t-201"], Ids(all));
        Assert.Equal(["s-100", "t-201"], Ids(byStore));
        Assert.Equal(["s-100", "s-101"], Ids(early));
        Assert.Equal(["t-200", "t-201"], Ids(late));
        Assert.Equal(["t-200", "t-201"], Ids(idPrefix));
        Assert.Equal(["s-100", "t-200"], Ids(surname));
        Assert.Equal(["s-101"], Ids(longPrefix));
        Assert.Equal(["s-100"], Ids(combined));
        Assert.Equal((403, "scope-not-allowed"), (pos.Status, pos.Code));
    }

    [Fact]
    public async Task The_list_pages_with_a_continuation_token_and_follows_tier_changes()
    {
        var tenant = await host.NewTenantAsync();
        foreach (var id in new[] { "p-1", "p-2", "p-3" })
        {
            await host.RegisterAsync(tenant.Pos, new { memberId = id });
        }

        var ledger = host.Services.GetRequiredService<LedgerService>();
        await ledger.ExecuteAsync(new MemberKey(tenant.TenantId, "p-2"), new PromoteTier("gold"), CancellationToken.None);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(tenant.Admin, "?pageSize=1" + (token is null ? string.Empty : "&continuationToken=" + token));
            Assert.Equal(200, page.Status);
            seen.AddRange(Ids(page));
            token = page.Json["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null && pages < 10);

        var gold = await ListAsync(tenant.Admin, "?tier=gold");
        var forged = await ListAsync(tenant.Admin, "?continuationToken=not-a-token");
        var tooBig = await ListAsync(tenant.Admin, "?pageSize=201");

        Assert.Equal(["p-1", "p-2", "p-3"], seen);
        Assert.Equal(["p-2"], Ids(gold));
        Assert.Equal((400, "continuationToken"), (forged.Status, forged.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((400, "pageSize"), (tooBig.Status, tooBig.Json["errors"]![0]!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_directory_row_holds_the_name_encrypted_and_the_phone_only_masked()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "enc-1", name = "王小明", phone = "13912340000" });
        var table = await host.Services.GetRequiredService<LoyaltyTables>().GetAsync(LoyaltyTables.Members);

        var row = (await table.GetEntityAsync<TableEntity>(tenant.TenantId, "enc-1")).Value;
        var listed = await ListAsync(tenant.Admin, "?q=enc");

        Assert.DoesNotContain(row.Keys, k => row[k] is string text && (text.Contains('王', StringComparison.Ordinal) || text.Contains("13912340000", StringComparison.Ordinal)));
        Assert.Equal("test-1", row.GetString("NameKeyId"));
        Assert.Equal("王小明", listed.Json["members"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_tenants_admin_lists_none_of_the_members()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "x-1", name = "Zhang San" });

        var probe = await ListAsync(other.Admin, "?q=x-1");
        var byName = await ListAsync(other.Admin, "?q=zhang");

        Assert.Equal((200, 0, 0), (probe.Status, Ids(probe).Count, Ids(byName).Count));
    }

    /// <summary>A tier change as the tier engine writes it: the account's tier and a tier entry.</summary>
    private sealed record PromoteTier(string Tier) : LedgerCommand($"test-promote:{Tier}")
    {
        protected override string Describe() => Tier;

        public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
        {
            ArgumentNullException.ThrowIfNull(transaction);
            var from = transaction.Account.Tier;
            transaction.UpdateAccount(a => a with { Tier = Tier });
            return transaction.Note(LedgerEntryType.Tier, Tier, $"Tier upgrade: {from} → {Tier}", new Dictionary<string, string> { ["from"] = from, ["to"] = Tier });
        }
    }
}
