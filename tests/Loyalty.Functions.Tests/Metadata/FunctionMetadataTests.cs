using System.Reflection;
using System.Text.Json.Nodes;
using Loyalty.Functions.Http;
using Loyalty.Functions.Members;
using Loyalty.Functions.MerchantConsole;

namespace Loyalty.Functions.Tests.Metadata;

/// <summary>The build's functions.metadata is what the Functions host reads: it must declare every route and trigger as intended.</summary>
public sealed class FunctionMetadataTests
{
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["CreateTenant"] = "http POST v1/admin/tenants",
        ["CreateApiKey"] = "http POST v1/keys",
        ["ListApiKeys"] = "http GET v1/keys",
        ["RevokeApiKey"] = "http DELETE v1/keys/{keyId}",
        ["ListAdminAudit"] = "http GET v1/admin/audit",
        ["RegisterMember"] = "http POST v1/members",
        ["GetMember"] = "http GET v1/members/{memberId}",
        ["ListMembers"] = "http GET v1/members",
        ["UpdateMember"] = "http PATCH v1/members/{memberId}",
        ["EraseMember"] = "http DELETE v1/members/{memberId}",
        ["ExportMember"] = "http GET v1/members/{memberId}/export",
        ["MergeMember"] = "http POST v1/members/{memberId}/merge",
        ["GetMemberLedger"] = "http GET v1/members/{memberId}/ledger",
        ["GetMemberLots"] = "http GET v1/members/{memberId}/lots",
        ["GetMemberReferralCode"] = "http GET v1/members/{memberId}/referral",
        ["AdjustMemberPoints"] = "http POST v1/members/{memberId}/adjustments",
        ["PutMemberPreferences"] = "http PUT v1/members/{memberId}/preferences",
        ["GetProgram"] = "http GET v1/program",
        ["PutProgram"] = "http PUT v1/program",
        ["SubmitPurchase"] = "http POST v1/purchases",
        ["GetPurchase"] = "http GET v1/purchases/{orderId}",
        ["CompletePurchase"] = "http POST v1/purchases/{orderId}/complete",
        ["CancelPurchase"] = "http POST v1/purchases/{orderId}/cancel",
        ["SubmitRefund"] = "http POST v1/refunds",
        ["GetRefund"] = "http GET v1/refunds/{refundId}",
        ["CheckIn"] = "http POST v1/members/{memberId}/check-ins",
        ["Share"] = "http POST v1/members/{memberId}/shares",
        ["CompleteTask"] = "http POST v1/members/{memberId}/tasks/{taskId}/completions",
        ["GrantPoints"] = "http POST v1/grants",
        ["PreviewProgram"] = "http POST v1/program/preview",
        ["GetProgramTerms"] = "http GET v1/program/terms",
        ["ConfigureWebhookChannel"] = "http PUT v1/webhooks/{channel}",
        ["WebhookHandshake"] = "http GET v1/webhooks/{channel}",
        ["ReceiveWebhook"] = "http POST v1/webhooks/{channel}",
        ["ListWebhookMessages"] = "http GET v1/webhooks/{channel}/messages",
        ["BindWeChat"] = "http PUT v1/members/{memberId}/wechat",
        ["ListWeChatBindings"] = "http GET v1/members/{memberId}/wechat",
        ["UnbindWeChat"] = "http DELETE v1/members/{memberId}/wechat",
        ["IssueWeChatScene"] = "http POST v1/members/{memberId}/wechat/scenes",
        ["ReviewTiers"] = "timer 0 30 0 * * *",
        ["TidyUpPendingSagas"] = "timer 0 */5 * * * *",
        ["RelayOutbox"] = "timer 0 * * * * *",
        ["ProcessAccrual"] = "queue %AccrualQueueName% LoyaltyStorage",
        ["AccrualPoison"] = "queue %AccrualQueueName%-poison LoyaltyStorage",
        ["GetOpenApiDocument"] = "http GET openapi.json",
        [ConsoleFunctions.Name] = "http GET console/{*path}",
        ["QuotePoints"] = "http POST v1/pos/quotes",
        ["CreateHold"] = "http POST v1/pos/holds",
        ["GetHold"] = "http GET v1/pos/holds/{holdId}",
        ["CaptureHold"] = "http POST v1/pos/holds/{holdId}/capture",
        ["ReleaseHold"] = "http DELETE v1/pos/holds/{holdId}",
        ["FreezeMember"] = "http POST v1/members/{memberId}/freeze",
        ["UnfreezeMember"] = "http POST v1/members/{memberId}/unfreeze",
        ["InviteFamilyMember"] = "http POST v1/family/invitations",
        ["AcceptFamilyInvitation"] = "http POST v1/family/invitations/{invitationId}/accept",
        ["ListFamily"] = "http GET v1/members/{memberId}/family",
        ["UnbindFamilyMember"] = "http DELETE v1/members/{memberId}/family/{relativeId}",
        ["CreateTransfer"] = "http POST v1/transfers",
        ["GetTransfer"] = "http GET v1/transfers/{transferId}",
        ["PutCharityProject"] = "http PUT v1/charity-projects/{projectId}",
        ["GetCharityProject"] = "http GET v1/charity-projects/{projectId}",
        ["Donate"] = "http POST v1/donations",
        ["PutLottery"] = "http PUT v1/lotteries/{lotteryId}",
        ["GetLottery"] = "http GET v1/lotteries/{lotteryId}",
        ["DrawLottery"] = "http POST v1/lotteries/{lotteryId}/draws",
        ["PutGift"] = "http PUT v1/gifts/{giftId}",
        ["GetGift"] = "http GET v1/gifts/{giftId}",
        ["ListGifts"] = "http GET v1/gifts",
        ["AdjustGiftStock"] = "http POST v1/gifts/{giftId}/stock",
        ["LoadGiftCodes"] = "http POST v1/gifts/{giftId}/codes",
        ["StartRedemption"] = "http POST v1/redemptions",
        ["GetRedemption"] = "http GET v1/redemptions/{redemptionId}",
        ["ShipRedemption"] = "http POST v1/redemptions/{redemptionId}/shipment",
        ["CancelRedemption"] = "http POST v1/redemptions/{redemptionId}/cancel",
        ["RedemptionOrchestrator"] = "orchestrationTrigger",
        ["ReserveGiftStock"] = "activityTrigger",
        ["DebitRedemptionPoints"] = "activityTrigger",
        ["FulfilRedemption"] = "activityTrigger",
        ["RecordRedemptionShipment"] = "activityTrigger",
        ["NotifyRedemption"] = "activityTrigger",
        ["RefundRedemptionPoints"] = "activityTrigger",
        ["ReleaseGiftStock"] = "activityTrigger",
        ["CloseRedemption"] = "activityTrigger",
        ["ClearExpiredPoints"] = "timer 0 5 * * * *",
        ["StartClearingRun"] = "http POST v1/admin/clearing-runs",
        ["GetClearingRun"] = "http GET v1/admin/clearing-runs/{runId}",
        ["GetExpiryForecast"] = "http GET v1/admin/expiry-forecast",
        ["ClearingOrchestrator"] = "orchestrationTrigger",
        ["CountClearingMembers"] = "activityTrigger",
        ["ListClearingPage"] = "activityTrigger",
        ["ClearMembers"] = "activityTrigger",
        ["RecordClearingProgress"] = "activityTrigger",
        ["NameMemberReferrer"] = "http POST v1/members/{memberId}/referrer",
        ["ListMemberReferrals"] = "http GET v1/members/{memberId}/referrals",
        ["RestartReferralDrivers"] = "timer 0 35 * * * *",
        ["ReferralOrchestrator"] = "orchestrationTrigger",
        ["ReviewReferral"] = "activityTrigger",
        ["RewardReferral"] = "activityTrigger",
        ["SendExpiryReminders"] = "timer 0 */15 * * * *",
        ["ListSmsOutbox"] = "http GET v1/admin/sms-outbox",
        ["ListEvents"] = "http GET v1/admin/events",
        ["PruneEventFeed"] = "timer 0 40 3 * * *",
        ["ProjectInsights"] = "timer 30 * * * * *",
        ["RebuildProjections"] = "http POST v1/admin/projections/rebuild",
        ["GetLiabilityReport"] = "http GET v1/reports/liability",
        ["GetPointsFlowTotals"] = "http GET v1/reports/points-flow/totals",
        ["RedriveQueuedWork"] = "timer 0 * * * * *",
        [UnmatchedRouteFunctions.Name] = "http GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS {*path}",
    };

    /// <summary>
    /// Public by design, outside /v1 and without a function key: the OpenAPI document describes the API, the merchant
    /// console is static files a browser opens; neither holds data (the console's API calls carry the keys).
    /// </summary>
    private static readonly HashSet<string> PublicDocuments = ["GetOpenApiDocument", ConsoleFunctions.Name];

    public static JsonArray ReadMetadata()
    {
        var functionsAssembly = typeof(MemberFunctions).Assembly;
        var configuration = typeof(FunctionMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LoyaltyFunctions.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var path = Path.Combine(root.FullName, "functions", "Loyalty.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}; build {functionsAssembly.GetName().Name} first.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    public static string Describe(JsonNode function)
    {
        var trigger = function["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!;
        return trigger["type"]!.GetValue<string>() switch
        {
            "httpTrigger" => $"http {string.Join(',', trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()))} {trigger["route"]}",
            "queueTrigger" => $"queue {trigger["queueName"]} {trigger["connection"]}",
            "timerTrigger" => $"timer {trigger["schedule"]}",
            var other => other,
        };
    }

    [Fact]
    public void Every_function_declares_its_route_or_trigger_as_intended()
    {
        var declared = ReadMetadata().ToDictionary(f => f!["name"]!.GetValue<string>(), f => Describe(f!));

        Assert.Equal(Expected.OrderBy(p => p.Key), declared.OrderBy(p => p.Key));
    }

    [Fact]
    public void Every_http_function_is_behind_a_function_key_at_the_edge()
    {
        var levels = ReadMetadata()
            .Where(f => !PublicDocuments.Contains(f!["name"]!.GetValue<string>()))
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
            .Select(b => b!["authLevel"]!.GetValue<string>())
            .Distinct();

        Assert.Equal(["Function"], levels);
    }

    [Fact]
    public void Routes_are_versioned_and_unique_per_method()
    {
        var http = ReadMetadata()
            .Where(f => !PublicDocuments.Contains(f!["name"]!.GetValue<string>()) && f["name"]!.GetValue<string>() != UnmatchedRouteFunctions.Name)
            .Select(f => Describe(f!)).Where(d => d.StartsWith("http ", StringComparison.Ordinal)).ToList();

        Assert.All(http, d => Assert.Contains(" v1/", d, StringComparison.Ordinal));
        Assert.Equal(http.Count, http.Distinct().Count());
    }

    /// <summary>
    /// The Functions host orders functions by name (case-insensitive) and tries their routes in that order, first match
    /// wins; the catch-all must come last or it answers other functions' requests.
    /// </summary>
    [Fact]
    public void The_catch_all_route_is_the_last_http_function_by_name_so_the_host_tries_it_last()
    {
        var byName = ReadMetadata()
            .Where(f => f!["bindings"]!.AsArray().Any(b => b!["type"]!.GetValue<string>() == "httpTrigger"))
            .Select(f => f!["name"]!.GetValue<string>())
            .Order(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(UnmatchedRouteFunctions.Name, byName.Last());
    }
}
