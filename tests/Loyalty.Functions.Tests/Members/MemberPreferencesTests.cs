using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Functions.Members;
using Loyalty.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Members;

public sealed class MemberPreferencesTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private Task<Response> PutAsync(string key, string id, object body) =>
        CallAsync(Request("PUT", $"/api/v1/members/{id}/preferences", body, key), r => host.Function<MemberProfileFunctions>().PutPreferences(r, id, CancellationToken.None));

    private async Task<MemberContact?> ContactAsync(string tenantId, string memberId) =>
        await host.Services.GetRequiredService<ILedgerStore>().GetAccountAsync(new MemberKey(tenantId, memberId), CancellationToken.None) is { } account
            ? MemberContact.Of(account)
            : null;

    [Fact]
    public async Task A_new_member_speaks_chinese_and_accepts_sms_until_they_say_otherwise()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "p-1", phone = "13812345678" });

        var before = await ContactAsync(tenant.TenantId, "p-1");
        var optOut = await PutAsync(tenant.Storefront, "p-1", new { sms = false });
        var english = await PutAsync(tenant.Pos, "p-1", new { language = "EN" });
        var after = await ContactAsync(tenant.TenantId, "p-1");
        var member = await host.MemberAsync(tenant.Pos, "p-1");

        Assert.Equal(new MemberContact("+8613812345678", "zh-CN", true), before);
        Assert.Equal((200, false, "zh-CN"), (optOut.Status, optOut.Json["sms"]!.GetValue<bool>(), optOut.Json["language"]!.GetValue<string>()));
        Assert.Equal((200, false, "en"), (english.Status, english.Json["sms"]!.GetValue<bool>(), english.Json["language"]!.GetValue<string>()));
        Assert.Equal(new MemberContact("+8613812345678", "en", false), after);
        Assert.Equal((false, "en"), (member.Json["sms"]!.GetValue<bool>(), member.Json["language"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Each_change_is_a_history_entry_with_the_operator_and_a_repeat_writes_none()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "p-2" });

        await PutAsync(tenant.Storefront, "p-2", new { sms = false, language = "en" });
        await PutAsync(tenant.Storefront, "p-2", new { sms = false });
        var ledger = await CallAsync(Request("GET", "/api/v1/members/p-2/ledger?type=profile", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Ledger(r, "p-2", CancellationToken.None));

        var entry = Assert.Single(ledger.Json["entries"]!.AsArray());
        Assert.Equal("language,sms", entry!["details"]!["fields"]!.GetValue<string>());
        Assert.Equal(0, entry["delta"]!.GetValue<long>());
        Assert.StartsWith("key:", entry["operator"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_preferences_are_named_and_change_nothing()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "p-3" });
        var noPhone = await ContactAsync(tenant.TenantId, "p-3");

        var empty = await PutAsync(tenant.Storefront, "p-3", new { });
        var klingon = await PutAsync(tenant.Storefront, "p-3", new { sms = false, language = "tlh" });
        var unknownField = await PutAsync(tenant.Storefront, "p-3", new { email = false });

        Assert.Equal((422, "sms"), (empty.Status, empty.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((422, "language"), (klingon.Status, klingon.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal(400, unknownField.Status);
        Assert.Equal(new MemberContact(null, "zh-CN", false), noPhone);
        Assert.True((await host.MemberAsync(tenant.Pos, "p-3")).Json["sms"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Another_tenants_key_cannot_change_or_see_the_preferences()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "p-4", phone = "13900000004" });

        var probe = await PutAsync(other.Storefront, "p-4", new { sms = false });

        Assert.Equal((404, "member-not-found"), (probe.Status, probe.Code));
        Assert.True((await ContactAsync(tenant.TenantId, "p-4"))!.SmsAllowed);
        Assert.Null(await ContactAsync(other.TenantId, "p-4"));
    }
}
