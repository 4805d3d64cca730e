using Loyalty.Core.Members;
using Loyalty.Core.Referrals;
using Loyalty.Functions.Referrals;
using Loyalty.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Referrals;

public sealed class ReferralCodeTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private Task<Response> CardAsync(string key, string id) =>
        CallAsync(Request("GET", $"/api/v1/members/{id}/referral", apiKey: key), r => host.Function<ReferralFunctions>().Card(r, id, CancellationToken.None));

    [Fact]
    public async Task Every_member_gets_one_code_shown_on_the_member_and_the_referral_card()
    {
        var tenant = await host.NewTenantAsync();
        await host.SaveRulesAsync(tenant.TenantId, new Core.Programs.ProgramRules
        {
            Referrals = new ReferralRules { Enabled = true, ReferrerPoints = 100, ShareLinkTemplate = "https://shop.example/join?ref={code}" },
        });

        var registered = await host.RegisterAsync(tenant.Pos, new { memberId = "a" });
        var card = await CardAsync(tenant.Storefront, "a");
        var again = await CardAsync(tenant.Pos, "a");
        var member = await host.MemberAsync(tenant.Pos, "a");
        var other = await host.RegisterAsync(tenant.Pos, new { memberId = "b" });

        var code = registered.Json["referralCode"]!.GetValue<string>();
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", code);
        Assert.Equal(200, card.Status);
        Assert.Equal(code, card.Json["code"]!.GetValue<string>());
        Assert.Equal($"https://shop.example/join?ref={code}", card.Json["link"]!.GetValue<string>());
        Assert.True(card.Json["enabled"]!.GetValue<bool>());
        Assert.Equal(code, again.Json["code"]!.GetValue<string>());
        Assert.Equal(code, member.Json["referralCode"]!.GetValue<string>());
        Assert.NotEqual(code, other.Json["referralCode"]!.GetValue<string>());
        Assert.Equal("a", await host.Services.GetRequiredService<ReferralCodes>().FindMemberAsync(tenant.TenantId, code.ToLowerInvariant(), CancellationToken.None));
    }

    [Fact]
    public async Task A_code_taken_by_another_member_moves_to_the_next_candidate()
    {
        var tenant = await host.NewTenantAsync();
        var store = host.Services.GetRequiredService<IReferralCodeStore>();
        var key = ReferralCode.DeriveKey(host.Services.GetRequiredService<PhoneHashKey>());
        var b = new MemberKey(tenant.TenantId, "b");
        var first = ReferralCode.Candidate(key, b, 0);
        Assert.Equal(CodeAssignment.Assigned, await store.TryAssignAsync(new MemberKey(tenant.TenantId, "a"), first, CancellationToken.None));

        var registered = await host.RegisterAsync(tenant.Pos, new { memberId = "b" });

        Assert.Equal(ReferralCode.Candidate(key, b, 1), registered.Json["referralCode"]!.GetValue<string>());
        Assert.Equal("a", await store.FindMemberAsync(tenant.TenantId, first, CancellationToken.None));
        Assert.Equal(CodeAssignment.MemberHasCode, await store.TryAssignAsync(b, ReferralCode.Candidate(key, b, 2), CancellationToken.None));
    }

    [Fact]
    public async Task A_member_of_another_tenant_has_no_card_here()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        await host.RegisterAsync(other.Pos, new { memberId = "x" });

        var card = await CardAsync(tenant.Pos, "x");
        var missing = await CardAsync(tenant.Pos, "nobody");

        Assert.Equal(404, card.Status);
        Assert.Equal("member-not-found", card.Code);
        Assert.Equal(404, missing.Status);
        Assert.Null(await host.Services.GetRequiredService<IReferralCodeStore>().GetCodeAsync(new MemberKey(tenant.TenantId, "x"), CancellationToken.None));
    }
}
