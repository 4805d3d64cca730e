using Loyalty.Functions.Members;
using Loyalty.Functions.Pos;
using Loyalty.Functions.Programs;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Refunds;
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
        var registered = await CallAsync(Request("POST", "/api/v1/members", new { memberId = id }, tenant.Pos), r => members.Register(r, NoDurable.Client, CancellationToken.None));
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

    /// <summary>Holds <paramref name="points"/> of the member's points for an order at the POS and captures them; returns the hold id.</summary>
    public static async Task<string> CapturedHoldAsync(FunctionsHost host, TenantKeys tenant, string memberId, string orderId, long points, object[] lines)
    {
        var pos = host.Function<PosFunctions>();
        var hold = await CallAsync(Request("POST", "/api/v1/pos/holds", new { memberId, orderId, points, lines }, tenant.Pos, Key($"hold-{orderId}-{Guid.NewGuid():N}")), r => pos.Hold(r, CancellationToken.None));
        Assert.True(hold.Status == 201, hold.Text);
        var holdId = hold.Json["holdId"]!.GetValue<string>();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var captured = await CallAsync(Request("POST", $"/api/v1/pos/holds/{holdId}/capture", apiKey: tenant.Pos), r => pos.Capture(r, holdId, CancellationToken.None));
        Assert.True(captured.Status == 200, captured.Text);
        return holdId;
    }

    public static Task<Response> PurchaseStatusAsync(FunctionsHost host, TenantKeys tenant, string orderId) =>
        CallAsync(Request("GET", $"/api/v1/purchases/{orderId}", apiKey: tenant.Pos), r => host.Function<PurchaseFunctions>().Get(r, orderId, CancellationToken.None));

    public static Task<Response> RefundAsync(FunctionsHost host, TenantKeys tenant, object body) =>
        CallAsync(Request("POST", "/api/v1/refunds", body, tenant.Pos), r => host.Function<RefundFunctions>().Submit(r, CancellationToken.None));

    public static Task<Response> CancelOrderAsync(FunctionsHost host, TenantKeys tenant, string orderId) =>
        CallAsync(Request("POST", $"/api/v1/purchases/{orderId}/cancel", apiKey: tenant.Pos), r => host.Function<PurchaseFunctions>().Cancel(r, orderId, CancellationToken.None));

    public static async Task<IReadOnlyList<System.Text.Json.Nodes.JsonNode>> LotsAsync(FunctionsHost host, TenantKeys tenant, string memberId)
    {
        var lots = await CallAsync(Request("GET", $"/api/v1/members/{memberId}/lots", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Lots(r, memberId, CancellationToken.None));
        return [.. lots.Json["lots"]!.AsArray().Select(l => l!)];
    }

    /// <summary>Reads the program's version and replaces the rules guarded by it, as an admin client does.</summary>
    public static async Task PutProgramAsync(FunctionsHost host, TenantKeys tenant, object rules)
    {
        var programs = host.Function<ProgramFunctions>();
        var read = await CallAsync(Request("GET", "/api/v1/program", apiKey: tenant.Pos), r => programs.Get(r, CancellationToken.None));
        var ifMatch = new Dictionary<string, string> { ["If-Match"] = read.Headers.ETag.ToString() };
        var saved = await CallAsync(Request("PUT", "/api/v1/program", rules, tenant.Admin, ifMatch), r => programs.Put(r, CancellationToken.None));
        Assert.Equal(200, saved.Status);
    }
}
