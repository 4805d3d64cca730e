using Loyalty.Core.Members;
using Loyalty.Functions.Members;
using Loyalty.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Members;

public sealed class MemberProfileUpdateTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private Task<Response> PatchAsync(string key, string id, object body, string? idempotencyKey = null) =>
        CallAsync(
            Request("PATCH", $"/api/v1/members/{id}", body, key, idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey }),
            r => host.Function<MemberProfileFunctions>().Patch(r, id, CancellationToken.None));

    private async Task<string?> FindByPhoneAsync(string key, string phone)
    {
        var found = await CallAsync(Request("GET", "/api/v1/members?phone=" + phone, apiKey: key), r => host.Function<MemberFunctions>().List(r, CancellationToken.None));
        return found.Json["members"]!.AsArray().SingleOrDefault()?["memberId"]!.GetValue<string>();
    }

    private string Hash(string phone) => PhoneNumber.Parse(phone)!.Hash(host.Services.GetRequiredService<PhoneHashKey>().Key);

    [Fact]
    public async Task A_patch_changes_only_the_fields_sent_and_writes_one_history_entry_with_the_operator()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "u-1", phone = "13800000001", name = "Li Lei", birthday = "1990-05-01" });

        var patched = await PatchAsync(tenant.Storefront, "u-1", new { name = "Li Lei (李雷)", storeId = "bj-2", language = "en" });
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var cleared = await PatchAsync(tenant.Storefront, "u-1", "{\"birthday\":null}");
        var ledger = await CallAsync(Request("GET", "/api/v1/members/u-1/ledger?type=profile", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Ledger(r, "u-1", CancellationToken.None));
        var member = await host.MemberAsync(tenant.Pos, "u-1");

        Assert.Equal(200, patched.Status);
        Assert.Equal(("Li Lei (李雷)", "bj-2", "en", "+86****0001"), (patched.Json["name"]!.GetValue<string>(), patched.Json["storeId"]!.GetValue<string>(), patched.Json["language"]!.GetValue<string>(), patched.Json["phoneMasked"]!.GetValue<string>()));
        Assert.Null(cleared.Json["birthday"]);
        Assert.Null(member.Json["birthday"]);
        Assert.Equal("Li Lei (李雷)", member.Json["name"]!.GetValue<string>());
        var entries = ledger.Json["entries"]!.AsArray();
        Assert.Equal(["birthday", "name,language,storeId"], entries.Select(e => e!["details"]!["fields"]!.GetValue<string>()));
        Assert.All(entries, e => Assert.StartsWith("key:", e!["operator"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.DoesNotContain("李雷", ledger.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_phone_is_claimed_and_the_old_one_released_for_someone_else()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "u-2", phone = "13800000002" });

        var moved = await PatchAsync(tenant.Pos, "u-2", new { phone = "+86 139 0000 0002" });
        var byNew = await FindByPhoneAsync(tenant.Pos, "13900000002");
        var byOld = await FindByPhoneAsync(tenant.Pos, "13800000002");
        var reuse = await host.RegisterAsync(tenant.Pos, new { memberId = "u-3", phone = "13800000002" });

        Assert.Equal((200, "+86****0002"), (moved.Status, moved.Json["phoneMasked"]!.GetValue<string>()));
        Assert.Equal("u-2", byNew);
        Assert.Null(byOld);
        Assert.Equal(201, reuse.Status);
        Assert.Equal("u-3", await FindByPhoneAsync(tenant.Pos, "13800000002"));
    }

    [Fact]
    public async Task A_number_held_by_another_member_is_409_and_changes_nothing()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "u-4", phone = "13800000004" });
        await host.RegisterAsync(tenant.Pos, new { memberId = "u-5", phone = "13800000005", name = "Before" });

        var taken = await PatchAsync(tenant.Pos, "u-5", new { phone = "13800000004", name = "After" });

        Assert.Equal((409, "phone-already-registered"), (taken.Status, taken.Code));
        Assert.Equal("Before", (await host.MemberAsync(tenant.Pos, "u-5")).Json["name"]!.GetValue<string>());
        Assert.Equal("u-5", await FindByPhoneAsync(tenant.Pos, "13800000005"));
        Assert.Equal("u-4", await FindByPhoneAsync(tenant.Pos, "13800000004"));
    }

    [Fact]
    public async Task Two_members_racing_for_one_number_exactly_one_wins()
    {
        var tenant = await host.NewTenantAsync();
        for (var round = 0; round < 5; round++)
        {
            var (a, b, number) = ($"r{round}-a", $"r{round}-b", $"1370000{round:D4}");
            await host.RegisterAsync(tenant.Pos, new { memberId = a, phone = $"1360000{round:D4}" });
            await host.RegisterAsync(tenant.Pos, new { memberId = b, phone = $"1350000{round:D4}" });

            var results = await Task.WhenAll(PatchAsync(tenant.Pos, a, new { phone = number }), PatchAsync(tenant.Pos, b, new { phone = number }));
            var winner = results[0].Status == 200 ? a : b;

            Assert.Equal([200, 409], results.Select(r => r.Status).Order());
            Assert.Equal(winner, await FindByPhoneAsync(tenant.Pos, number));
            var (loser, loserPhone) = winner == a ? (b, $"1350000{round:D4}") : (a, $"1360000{round:D4}");
            Assert.Equal(loser, await FindByPhoneAsync(tenant.Pos, loserPhone));
        }
    }

    [Fact]
    public async Task A_claim_left_by_a_crash_is_ignored_by_lookups_and_taken_over_after_the_lease()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "c-1", phone = "13800000011" });
        await host.RegisterAsync(tenant.Pos, new { memberId = "c-2", phone = "13800000012" });
        var directory = host.Services.GetRequiredService<IMemberDirectory>();

        // c-1's phone change crashed after its claim: the claim exists, the account never changed.
        Assert.True(await directory.TryAddPhoneClaimAsync(tenant.TenantId, Hash("13800000099"), "c-1", host.Time.GetUtcNow(), CancellationToken.None));
        var lookup = await FindByPhoneAsync(tenant.Pos, "13800000099");
        var tooSoon = await PatchAsync(tenant.Pos, "c-2", new { phone = "13800000099" });
        host.Time.Advance(PhoneClaims.Lease + TimeSpan.FromSeconds(1));
        var afterLease = await PatchAsync(tenant.Pos, "c-2", new { phone = "13800000099" });

        Assert.Null(lookup);
        Assert.Equal((409, "phone-already-registered"), (tooSoon.Status, tooSoon.Code));
        Assert.Equal(200, afterLease.Status);
        Assert.Equal("c-2", await FindByPhoneAsync(tenant.Pos, "13800000099"));
        Assert.Equal("c-1", await FindByPhoneAsync(tenant.Pos, "13800000011"));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_result_and_a_different_body_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "i-1", name = "One" });

        var first = await PatchAsync(tenant.Pos, "i-1", new { name = "Two" }, "rename-1");
        await PatchAsync(tenant.Pos, "i-1", new { name = "Three" });
        var retry = await PatchAsync(tenant.Pos, "i-1", new { name = "Two" }, "rename-1");
        var reused = await PatchAsync(tenant.Pos, "i-1", new { name = "Four" }, "rename-1");

        Assert.Equal((200, 200), (first.Status, retry.Status));
        Assert.Equal("Three", (await host.MemberAsync(tenant.Pos, "i-1")).Json["name"]!.GetValue<string>());
        Assert.Equal((409, "idempotency-key-reused"), (reused.Status, reused.Code));
    }

    [Fact]
    public async Task Bad_fields_are_named_and_another_tenant_cannot_patch()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "v-1", phone = "13800000021" });

        var empty = await PatchAsync(tenant.Pos, "v-1", new { });
        var bad = await PatchAsync(tenant.Pos, "v-1", "{\"phone\":\"12345\",\"birthday\":\"2999-01-01\",\"language\":\"fr\",\"storeId\":\"\",\"sms\":null}");
        // A text over its length is refused as the body is read, before the other rules are judged.
        var tooLong = await PatchAsync(tenant.Pos, "v-1", $"{{\"name\":\"{new string('x', 101)}\"}}");
        var unknown = await PatchAsync(tenant.Pos, "v-1", new { email = "a@b.c" });
        var foreign = await PatchAsync(other.Pos, "v-1", new { name = "Hijack" });
        var missing = await PatchAsync(tenant.Pos, "nobody", new { name = "Ghost" });

        Assert.Equal((422, "body"), (empty.Status, empty.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal(422, bad.Status);
        Assert.Equal(["birthday", "language", "phone", "sms", "storeId"], bad.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Order());
        Assert.Equal((422, "name", "length"), (tooLong.Status, tooLong.Json["errors"]![0]!["field"]!.GetValue<string>(), tooLong.Json["errors"]![0]!["rule"]!.GetValue<string>()));
        Assert.Equal(400, unknown.Status);
        Assert.Equal((404, "member-not-found"), (foreign.Status, foreign.Code));
        Assert.Equal((404, "member-not-found"), (missing.Status, missing.Code));
        Assert.Equal("v-1", await FindByPhoneAsync(tenant.Pos, "13800000021"));
    }
}
