using Loyalty.Functions.Members;
using Loyalty.Functions.Programs;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Support;

/// <summary>Set-up calls the POS, family, donation and lottery tests share: members with points, program changes.</summary>
internal static class Api
{
    public static Dictionary<string, string> Key(string idempotencyKey) => new() { ["Idempotency-Key"] = idempotencyKey };

    public static async Task<string> MemberWithPointsAsync(FunctionsHost host, TenantKeys tenant, long points, string? memberId = null)
    {
        var id = memberId ?? "m-" + Guid.NewGuid().ToString("N")[..10];
        var members = host.Function<MemberFunctions>();
        var registered = await CallAsync(Request("POST", "/api/v1/members", new { memberId = id }, tenant.Pos), r => members.Register(r, CancellationToken.None));
        Assert.Equal(201, registered.Status);
        if (points > 0)
        {
            var adjusted = await CallAsync(Request("POST", $"/api/v1/members/{id}/adjustments", new { delta = points, reason = "seed" }, tenant.Admin, Key("seed-" + id)), r => members.Adjust(r, id, CancellationToken.None));
            Assert.Equal(201, adjusted.Status);

            // Entries of one instant have no defined order across operations; tests read the flow in order.
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        return id;
    }

    public static async Task<Response> MemberAsync(FunctionsHost host, TenantKeys tenant, string memberId) =>
        await CallAsync(Request("GET", $"/api/v1/members/{memberId}", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Get(r, memberId, CancellationToken.None));

    public static async Task<IReadOnlyList<string>> LedgerTypesAsync(FunctionsHost host, TenantKeys tenant, string memberId)
    {
        var ledger = await CallAsync(Request("GET", $"/api/v1/members/{memberId}/ledger", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Ledger(r, memberId, CancellationToken.None));
        return [.. ledger.Json["entries"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).Reverse()];
    }

    public static async Task PutProgramAsync(FunctionsHost host, TenantKeys tenant, object rules)
    {
        var saved = await CallAsync(Request("PUT", "/api/v1/program", rules, tenant.Admin), r => host.Function<ProgramFunctions>().Put(r, CancellationToken.None));
        Assert.Equal(200, saved.Status);
    }
}
