using System.Text.Json.Nodes;
using Loyalty.Core.Events;
using Loyalty.Core.Expiry;
using Loyalty.Core.Redemptions;
using Loyalty.Functions.Http;
using Loyalty.Functions.OpenApi;
using Loyalty.Functions.Tests.Support;

namespace Loyalty.Functions.Tests.Tenants;

/// <summary>
/// Every HTTP route the app declares (the trigger attributes functions.metadata and the OpenAPI document are made from),
/// called with each key of tenant B (pos, storefront, admin) against tenant A's members, ledger, holds, orders, refunds,
/// family, transfers, gifts, redemptions, lotteries, projects, channels, bindings, clearing runs, keys and program.
/// A route added without a probe here fails the test by name.
/// </summary>
public sealed class EveryRouteIsolationTests(EveryRouteIsolationTests.Run run) : IClassFixture<EveryRouteIsolationTests.Run>
{
    [Fact]
    public void Every_route_has_a_probe_and_every_probe_a_route()
    {
        Assert.Empty(run.Unprobed);
        Assert.Empty(run.ProbesWithoutRoute);
    }

    [Fact]
    public void Another_tenants_key_gets_403_or_404_on_every_route_naming_a_resource_and_never_sees_its_data()
    {
        Assert.True(run.Calls.Count > RouteInvoker.Functions.Count, $"only {run.Calls.Count} calls made");
        Assert.True(run.Calls.All(c => c.AsExpected), string.Join('\n', run.Calls.Where(c => !c.AsExpected).Select(c => $"{c}: {c.Response.Text}")));
        Assert.True(!run.Calls.Any(c => c.Leaks), string.Join('\n', run.Calls.Where(c => c.Leaks).Select(c => $"{c} shows tenant A's data: {c.Response.Text}")));
    }

    [Fact]
    public void Another_tenants_calls_on_every_route_change_nothing_of_the_tenant()
    {
        Assert.True(run.ChangedRowsOfA.Count == 0, string.Join('\n', run.ChangedRowsOfA));
        Assert.True(run.RewrittenRowsOfOthers.Count == 0, string.Join('\n', run.RewrittenRowsOfOthers));
        Assert.Equal(run.ReadsOfABefore, run.ReadsOfAAfter);
    }

    [Fact]
    public void The_key_scopes_the_document_lists_for_each_operation_are_the_scopes_its_code_lets_through()
    {
        var limited = run.Calls.Where(c => c.Scope is not null).ToList();
        Assert.NotEmpty(limited);
        var differing = limited.Where(c => c.Documented != c.LetThrough).Select(c =>
            $"{c.Function} with a {c.Scope} key: the document says {(c.Documented ? "allowed" : "refused")}, the code {(c.LetThrough ? "let it through" : "refused it")} ({c.Response.Status} {c.Response.Code})").ToList();
        Assert.True(differing.Count == 0, string.Join('\n', differing));
    }

    /// <summary>What tenant B's call should get when its scope is let through.</summary>
    internal enum Expect
    {
        /// <summary>The route names one of A's resources: 404, as if it did not exist.</summary>
        NotFound,

        /// <summary>The route acts on the caller's own tenant (a list, a create, the program): it succeeds there and shows nothing of A.</summary>
        OwnTenant,

        /// <summary>Not an API key route (signed webhooks, the bootstrap): A's secret is not B's, so 401 or 403.</summary>
        Refused,
    }

    /// <param name="Unknown">For <see cref="Expect.NotFound"/>: how this route answers a resource the caller's tenant does not have, when not a plain 404 (a refund for an unknown order is 422 order-not-found; a bulk grant reports each member).</param>
    internal sealed record Probe(RouteCall Call, Expect Expect, int[] OwnStatuses, (int Status, string Code)? Unknown = null);

    internal sealed record ProbeCall(string Function, string Method, string? Scope, bool Documented, Probe Probe, Response Response, IReadOnlyList<string> Markers)
    {
        private Expect Expect => Probe.Expect;

        public bool LetThrough => !(Response.Status == 403 && Response.Code == "scope-not-allowed");

        public bool AsExpected => !LetThrough || Expect switch
        {
            Expect.NotFound when Probe.Unknown is { } unknown => Response.Status == unknown.Status && Response.Text.Contains($"\"{unknown.Code}\"", StringComparison.Ordinal),
            Expect.NotFound => Response.Status == 404,
            Expect.OwnTenant => Probe.OwnStatuses.Contains(Response.Status),
            _ => Response.Status is 401 or 403,
        };

        public bool Leaks => Markers.Any(m => Response.Text.Contains(m, StringComparison.Ordinal));

        public override string ToString() => $"{Method} {Function} with B's {Scope ?? "admin"} key: {Response.Status} {Response.Code} (expected {Expect}{(Expect == Expect.OwnTenant ? " " + string.Join('/', Probe.OwnStatuses) : string.Empty)})";
    }

    /// <summary>Tenant A with one of everything, tenant B with the same program, every probe called with each of B's keys.</summary>
    public sealed class Run : IAsyncLifetime
    {
        /// <summary>In A's data and never in what B sends: a response to B containing it shows A's data.</summary>
        private const string Secret = "Zeta";

        /// <summary>A's seeded balance: a number no response to B has a reason to contain.</summary>
        private const long Balance = 73519;

        private readonly DurableFunctionsHost _host = new();
        private RouteInvoker? _invoker;
        private int _next;

        internal List<ProbeCall> Calls { get; } = [];

        internal List<string> Unprobed { get; } = [];

        internal List<string> ProbesWithoutRoute { get; } = [];

        internal IReadOnlyList<string> ChangedRowsOfA { get; private set; } = [];

        /// <summary>Rows that existed before B's calls, outside B's partitions, rewritten or removed by them.</summary>
        internal IReadOnlyList<string> RewrittenRowsOfOthers { get; private set; } = [];

        internal IReadOnlyList<string> ReadsOfABefore { get; private set; } = [];

        internal IReadOnlyList<string> ReadsOfAAfter { get; private set; } = [];

        private RouteInvoker Invoker => _invoker ?? throw new InvalidOperationException("Not initialized.");

        public async Task InitializeAsync()
        {
            await _host.InitializeAsync();
            _invoker = new RouteInvoker(_host.Services, _host.Client);
            var a = await _host.NewTenantAsync();
            var b = await _host.NewTenantAsync();
            var ids = await SeedAsync(a);
            await CallAsync("PutProgram", new RouteCall(Empty, Program, Headers: IfMatchAny), b.Admin, 200);
            await CallAsync("ConfigureWebhookChannel", new RouteCall(Values(("channel", "partner")), new { token = "bravo-token-0123456789", scheme = "weChatSha1" }), b.Admin, 200);

            var probes = Probes(a, ids);
            var functions = RouteInvoker.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
            Unprobed.AddRange(functions.Values.Where(f => !probes.ContainsKey(f.Name)).Select(f => $"{string.Join(',', f.Methods)} {f.Route} ({f.Name}): add a probe to EveryRouteIsolationTests"));
            ProbesWithoutRoute.AddRange(probes.Keys.Where(name => !functions.ContainsKey(name)));
            var operations = OpenApiDocumentGenerator.Generate().Document["paths"]!.AsObject()
                .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!.AsObject()))
                .ToDictionary(o => o["operationId"]!.GetValue<string>(), StringComparer.Ordinal);

            ReadsOfABefore = await ReadEverythingAsync(a, functions.Values, probes);
            var before = await StorageSnapshot.TakeAsync(_host.Services, _host.Queue);
            string[] markers = [Secret, a.TenantId, Balance.ToString(System.Globalization.CultureInfo.InvariantCulture)];

            // Reads and calls on A's resources first: a create of B's own under one of A's ids would then answer them.
            foreach (var (name, probe) in probes.Where(p => functions.ContainsKey(p.Key)).OrderBy(p => p.Value.Expect == Expect.OwnTenant).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                var function = functions[name];
                // The console is static files, not an operation of the API document: called with the admin key only.
                var scopes = operations.GetValueOrDefault(name)?["x-api-key-scopes"]?.AsArray().Select(s => s!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                foreach (var method in function.Methods)
                {
                    foreach (var (scope, key) in new[] { ("pos", b.Pos), ("storefront", b.Storefront), ("admin", b.Admin) })
                    {
                        if (scopes is null && scope != "admin")
                        {
                            continue;
                        }

                        var response = await Invoker.CallAsync(function, method, WithIdempotencyKey(probe.Call, method), key);
                        var limited = scopes is null || scope == "admin" ? null : scope;
                        Calls.Add(new ProbeCall(name, method, limited, limited is null || scopes!.Contains(scope), probe, response, markers));
                    }
                }
            }

            await WaitForOrchestrationsAsync(b.TenantId);
            var after = await StorageSnapshot.TakeAsync(_host.Services, _host.Queue);
            var changed = after.ChangedSince(before);
            // A row is "+ table partition row etag" or "- ...". Global indexes (the API key lookup) are partitioned by
            // hash, so B may add rows outside its partitions; it may never rewrite or remove one that was there.
            static string Partition(string row) => row.Split(' ')[2];
            ChangedRowsOfA = [.. changed.Where(r => Partition(r).Contains(a.TenantId, StringComparison.Ordinal))];
            RewrittenRowsOfOthers = [.. changed.Where(r => r.StartsWith('-') && !Partition(r).Contains(b.TenantId, StringComparison.Ordinal))];
            ReadsOfAAfter = await ReadEverythingAsync(a, functions.Values, probes);
        }

        public Task DisposeAsync() => _host.DisposeAsync();

        private static readonly Dictionary<string, string> Empty = [];

        private static readonly Dictionary<string, string> IfMatchAny = new() { ["If-Match"] = "*" };

        private static readonly object ShipTo = new { name = "Li Lei", phone = "13812345678", address = "1 Nanjing Rd, Shanghai" };

        private static readonly object[] Lines = [new { sku = "tea", category = "drinks", quantity = 1, unitPrice = 100m }];

        private static object Program => new
        {
            earning = new { baseRatePoints = 1, baseRatePer = 1, returnWindowDays = 0 },
            expiry = new { mode = "rolling", months = 12 },
            activities = new
            {
                signUpBonus = 0,
                checkIn = new { points = 5, cycleDays = 0 },
                shares = new Dictionary<string, object> { ["wechat-moments"] = new { points = 2, dailyCap = 1 } },
                tasks = new[] { new { taskId = "survey", points = 10 } },
            },
            transfers = new { maxTransfersPerMonth = 50, maxPointsPerMonth = 100_000 },
        };

        private static Dictionary<string, string> Values(params (string Name, string Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

        private RouteCall WithIdempotencyKey(RouteCall call, string method)
        {
            if (method == "GET" || call.Headers?.ContainsKey(Headers.IdempotencyKey) == true)
            {
                return call;
            }

            var headers = new Dictionary<string, string>(call.Headers ?? Empty) { [Headers.IdempotencyKey] = $"iso-{Interlocked.Increment(ref _next)}" };
            return call with { Headers = headers };
        }

        private async Task<Response> CallAsync(string function, RouteCall call, string key, params int[] expected)
        {
            var http = RouteInvoker.Functions.Single(f => f.Name == function);
            var response = await Invoker.CallAsync(http, http.Methods[0], WithIdempotencyKey(call, http.Methods[0]), key);
            Assert.True(expected.Contains(response.Status), $"seeding: {function} answered {response.Status}: {response.Text}");
            _host.Time.Advance(TimeSpan.FromSeconds(1));
            return response;
        }

        /// <summary>Tenant A's resources, made through its own API; returns the ids the probes aim at.</summary>
        private async Task<Dictionary<string, string>> SeedAsync(TenantKeys a)
        {
            await CallAsync("PutProgram", new RouteCall(Empty, Program, Headers: IfMatchAny), a.Admin, 200);

            // What the relay appends to A's feed; the calls below move the clock past the feed's read lag.
            await _host.Get<IEventFeed>().AppendAsync(
                [new LoyaltyEvent { EventId = "alpha-e1", Type = LoyaltyEventTypes.PointsAdjusted, TenantId = a.TenantId, MemberId = "alpha-m1", EntryId = "alpha-e1", Delta = Balance, OccurredAt = _host.Time.GetUtcNow(), Reference = Secret }],
                CancellationToken.None);
            foreach (var (member, phone) in new[] { ("alpha-m1", "13800000001"), ("alpha-m2", "13800000002"), ("alpha-m3", "13800000003"), ("alpha-m4", "13800000004") })
            {
                await CallAsync("RegisterMember", new RouteCall(Empty, new { memberId = member, name = $"{Secret} {member}", phone }), a.Pos, 201);
            }

            await CallAsync("AdjustMemberPoints", new RouteCall(Values(("memberId", "alpha-m1")), new { delta = Balance, reason = $"{Secret} seed" }), a.Admin, 201);
            await CallAsync("AdjustMemberPoints", new RouteCall(Values(("memberId", "alpha-m2")), new { delta = 500, reason = $"{Secret} seed" }), a.Admin, 201);
            var invitation = await CallAsync("InviteFamilyMember", new RouteCall(Empty, new { fromMemberId = "alpha-m1", toMemberId = "alpha-m2" }), a.Storefront, 201);
            await CallAsync("AcceptFamilyInvitation", new RouteCall(Values(("invitationId", invitation.Json["invitationId"]!.GetValue<string>())), new { memberId = "alpha-m2" }), a.Storefront, 200);
            var pending = await CallAsync("InviteFamilyMember", new RouteCall(Empty, new { fromMemberId = "alpha-m1", toMemberId = "alpha-m3" }), a.Storefront, 201);
            var transfer = await CallAsync("CreateTransfer", new RouteCall(Empty, new { fromMemberId = "alpha-m1", toMemberId = "alpha-m2", points = 10, message = Secret }), a.Storefront, 201);
            await CallAsync("FreezeMember", new RouteCall(Values(("memberId", "alpha-m4")), new { reason = $"{Secret} review" }), a.Admin, 200, 201);

            await CallAsync("SubmitPurchase", new RouteCall(Empty, new { orderId = "alpha-o1", memberId = "alpha-m1", cashPaid = 100m, lines = Lines }), a.Pos, 202);
            await CallAsync("SubmitPurchase", new RouteCall(Empty, new { orderId = "alpha-o2", memberId = "alpha-m1", cashPaid = 100m, lines = Lines }), a.Pos, 202);
            await _host.DrainQueueAsync();
            await CallAsync("SubmitRefund", new RouteCall(Empty, new { refundId = "alpha-r1", orderId = "alpha-o2", lines = new[] { new { sku = "tea", quantity = 1 } } }), a.Pos, 202);
            await _host.DrainQueueAsync();
            var hold = await CallAsync("CreateHold", new RouteCall(Empty, new { memberId = "alpha-m1", orderId = "alpha-o3", points = 100, lines = Lines }), a.Pos, 201);

            await CallAsync("PutGift", new RouteCall(Values(("giftId", "alpha-mug")), new { name = $"{Secret} mug", kind = "physical", pointsPrice = 300 }), a.Admin, 201);
            await CallAsync("AdjustGiftStock", new RouteCall(Values(("giftId", "alpha-mug")), new { delta = 10 }), a.Admin, 200);
            await CallAsync("PutGift", new RouteCall(Values(("giftId", "alpha-topup")), new { name = $"{Secret} top-up", kind = "virtual", pointsPrice = 50 }), a.Admin, 201);
            await CallAsync("LoadGiftCodes", new RouteCall(Values(("giftId", "alpha-topup")), new { codes = new[] { "ZETA-CODE-0001", "ZETA-CODE-0002" } }), a.Admin, 200, 201);
            var redemption = await CallAsync("StartRedemption", new RouteCall(Empty, new { memberId = "alpha-m1", giftId = "alpha-mug", shipTo = ShipTo }), a.Storefront, 202);
            var redemptionId = redemption.Json["redemptionId"]!.GetValue<string>();
            var store = _host.Get<IRedemptionStore>();
            for (var i = 0; i < 300 && (await store.GetAsync(a.TenantId, redemptionId, CancellationToken.None))!.Status != RedemptionStatus.AwaitingShipment; i++)
            {
                await Task.Delay(100);
            }

            await CallAsync("PutLottery", new RouteCall(Values(("lotteryId", "alpha-draw")), new { name = $"{Secret} draw", costPoints = 50, prizes = new[] { new { prizeId = "cup", name = "Cup", weight = 1, stock = 3 } }, noPrizeWeight = 1 }), a.Admin, 200, 201);
            await CallAsync("PutCharityProject", new RouteCall(Values(("projectId", "alpha-schools")), new { name = $"{Secret} schools" }), a.Admin, 200, 201);
            await CallAsync("Donate", new RouteCall(Empty, new { memberId = "alpha-m1", projectId = "alpha-schools", points = 10 }), a.Storefront, 201);

            await CallAsync("ConfigureWebhookChannel", new RouteCall(Values(("channel", "partner")), new { token = "zeta-token-0123456789", scheme = "weChatSha1" }), a.Admin, 200);
            await CallAsync("ConfigureWebhookChannel", new RouteCall(Values(("channel", "oa")), new { token = "weixin", scheme = "weChatOfficialAccount", appId = "wx49f0ab532d5d035a", mode = "plain" }), a.Admin, 200);
            await CallAsync("BindWeChat", new RouteCall(Values(("memberId", "alpha-m1")), new { channel = "oa", openId = "oZetaMember01openid" }), a.Storefront, 200, 201);
            var key = await CallAsync("CreateApiKey", new RouteCall(Empty, new { scope = "pos", name = $"{Secret} till" }), a.Admin, 201);

            var day = DateOnly.FromDateTime(_host.Time.GetUtcNow().UtcDateTime.AddDays(-1));
            var clearing = await CallAsync("StartClearingRun", new RouteCall(Empty, new { date = day }), a.Admin, 202);
            await _host.WaitAsync(ClearingRunIds.InstanceId(a.TenantId, day));

            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["invitation"] = pending.Json["invitationId"]!.GetValue<string>(),
                ["transfer"] = transfer.Json["transferId"]!.GetValue<string>(),
                ["hold"] = hold.Json["holdId"]!.GetValue<string>(),
                ["redemption"] = redemptionId,
                ["key"] = key.Json["keyId"]!.GetValue<string>(),
                ["run"] = clearing.Json["runId"]!.GetValue<string>(),
            };
        }

        /// <summary>What each probe sends: A's ids, and bodies A's own keys would have had accepted.</summary>
        private static Dictionary<string, Probe> Probes(TenantKeys a, Dictionary<string, string> ids)
        {
            var m1 = Values(("memberId", "alpha-m1"));
            Probe NotFound(Dictionary<string, string> values, object? body = null, string query = "") => new(new RouteCall(values, body, query), Expect.NotFound, []);
            Probe Own(object? body, params int[] statuses) => new(new RouteCall(Empty, body), Expect.OwnTenant, statuses);
            var signed = $"?tenant={a.TenantId}&timestamp=1700000000&nonce=n1&signature={Core.Webhooks.WebhookSignature.WeChat("bravo-token-0123456789", "1700000000", "n1")}&echostr=hi";

            return new Dictionary<string, Probe>(StringComparer.Ordinal)
            {
                ["StartClearingRun"] = Own(null, 200, 202),
                ["GetClearingRun"] = NotFound(Values(("runId", ids["run"]))),
                ["GetExpiryForecast"] = Own(null, 200),
                ["ListAdminAudit"] = Own(null, 200),
                ["ListSmsOutbox"] = Own(null, 200),
                ["ListEvents"] = Own(null, 200),
                ["RebuildProjections"] = Own(null, 200),
                ["GetLiabilityReport"] = new(new RouteCall(Empty, null, "?from=2026-01-01&to=2026-12-31"), Expect.OwnTenant, [200]),
                ["GetPointsFlowTotals"] = new(new RouteCall(Empty, null, "?from=2026-01-01&to=2026-01-31"), Expect.OwnTenant, [200]),
                ["GetOpenApiDocument"] = Own(null, 200),
                ["ServeConsole"] = new(new RouteCall(Values(("path", "index.html"))), Expect.OwnTenant, [200]),

                ["PutGift"] = new(new RouteCall(Values(("giftId", "alpha-mug")), new { name = "Bravo mug", kind = "physical", pointsPrice = 1 }), Expect.OwnTenant, [200, 201]),
                ["GetGift"] = NotFound(Values(("giftId", "alpha-mug"))),
                ["ListGifts"] = Own(null, 200),
                ["AdjustGiftStock"] = NotFound(Values(("giftId", "alpha-mug")), new { delta = -5 }),
                ["LoadGiftCodes"] = NotFound(Values(("giftId", "alpha-topup")), new { codes = new[] { "BRAVO-CODE-0001" } }),

                ["PutLottery"] = new(new RouteCall(Values(("lotteryId", "alpha-draw")), new { name = "Bravo draw", costPoints = 1, prizes = new[] { new { prizeId = "cup", name = "Cup", weight = 1, stock = 1 } }, noPrizeWeight = 0 }), Expect.OwnTenant, [200, 201]),
                ["GetLottery"] = NotFound(Values(("lotteryId", "alpha-draw"))),
                ["DrawLottery"] = NotFound(Values(("lotteryId", "alpha-draw")), new { memberId = "alpha-m1" }),

                ["GetProgram"] = Own(null, 200),
                ["PutProgram"] = new(new RouteCall(Empty, Program, Headers: IfMatchAny), Expect.OwnTenant, [200]),
                ["PreviewProgram"] = Own(new { basket = new { lines = Lines, cashPaid = 100m } }, 200),
                ["GetProgramTerms"] = Own(null, 200),

                ["SubmitPurchase"] = NotFound(Empty, new { orderId = "bravo-o9", memberId = "alpha-m1", cashPaid = 100m, lines = Lines }),
                ["GetPurchase"] = NotFound(Values(("orderId", "alpha-o1"))),
                ["CompletePurchase"] = NotFound(Values(("orderId", "alpha-o1"))),
                ["CancelPurchase"] = NotFound(Values(("orderId", "alpha-o1"))),
                ["SubmitRefund"] = NotFound(Empty, new { refundId = "bravo-r9", orderId = "alpha-o1", lines = new[] { new { sku = "tea", quantity = 1 } } }) with { Unknown = (422, "order-not-found") },
                ["GetRefund"] = NotFound(Values(("refundId", "alpha-r1"))),

                ["PutCharityProject"] = new(new RouteCall(Values(("projectId", "alpha-schools")), new { name = "Bravo schools" }), Expect.OwnTenant, [200, 201]),
                ["GetCharityProject"] = NotFound(Values(("projectId", "alpha-schools"))),
                ["Donate"] = NotFound(Empty, new { memberId = "alpha-m1", projectId = "alpha-schools", points = 10 }),

                ["FreezeMember"] = NotFound(m1, new { reason = "takeover" }),
                ["UnfreezeMember"] = NotFound(Values(("memberId", "alpha-m4")), new { }),

                ["ConfigureWebhookChannel"] = new(new RouteCall(Values(("channel", "partner")), new { token = "bravo-token-0123456789", scheme = "weChatSha1" }), Expect.OwnTenant, [200]),
                ["WebhookHandshake"] = new(new RouteCall(Values(("channel", "partner")), Query: signed), Expect.Refused, []),
                ["ReceiveWebhook"] = new(new RouteCall(Values(("channel", "partner")), """{"eventId":"bravo-e1","memberId":"alpha-m1","action":"checkIn"}""", signed), Expect.Refused, []),
                ["ListWebhookMessages"] = NotFound(Values(("channel", "oa"))),
                ["BindWeChat"] = NotFound(m1, new { channel = "oa", openId = "oBravoIntruder1openid" }),
                ["ListWeChatBindings"] = NotFound(m1),
                ["UnbindWeChat"] = NotFound(m1, query: "?channel=oa"),
                ["IssueWeChatScene"] = NotFound(m1, new { channel = "oa" }),

                ["StartRedemption"] = NotFound(Empty, new { memberId = "alpha-m1", giftId = "alpha-mug", shipTo = ShipTo }),
                ["GetRedemption"] = NotFound(Values(("redemptionId", ids["redemption"]))),
                ["ShipRedemption"] = NotFound(Values(("redemptionId", ids["redemption"])), new { carrier = "SF Express", trackingNumber = "SF1234567890" }),
                ["CancelRedemption"] = NotFound(Values(("redemptionId", ids["redemption"])), new { reason = "takeover" }),

                ["QuotePoints"] = NotFound(Empty, new { memberId = "alpha-m1", lines = Lines }),
                ["CreateHold"] = NotFound(Empty, new { memberId = "alpha-m1", orderId = "bravo-o8", points = 100, lines = Lines }),
                ["GetHold"] = NotFound(Values(("holdId", ids["hold"]))),
                ["CaptureHold"] = NotFound(Values(("holdId", ids["hold"]))),
                ["ReleaseHold"] = NotFound(Values(("holdId", ids["hold"]))),

                ["CheckIn"] = NotFound(m1),
                ["Share"] = NotFound(m1, new { platform = "wechat-moments" }),
                ["CompleteTask"] = NotFound(Values(("memberId", "alpha-m1"), ("taskId", "survey"))),
                ["GrantPoints"] = NotFound(Empty, new { memberIds = new[] { "alpha-m1" }, points = 5, reason = "takeover" }) with { Unknown = (200, "member-not-found") },

                ["PutMemberPreferences"] = NotFound(m1, new { sms = false }),
                ["UpdateMember"] = NotFound(m1, new { name = "Hijack" }),
                ["EraseMember"] = NotFound(m1, new { reason = "takeover" }),
                ["ExportMember"] = NotFound(m1),
                ["MergeMember"] = NotFound(m1, new { from = "alpha-m3" }),
                // Any key finds a member by phone; the filtered list needs an admin key (a documented 403 for the others, not a scope of the operation).
                ["ListMembers"] = new(new RouteCall(Empty, Query: "?phone=13800000001"), Expect.OwnTenant, [200]),
                ["RegisterMember"] = new(new RouteCall(Empty, new { memberId = "alpha-m1" }), Expect.OwnTenant, [200, 201, 409]),
                ["GetMember"] = NotFound(m1),
                ["GetMemberLedger"] = NotFound(m1),
                ["GetMemberLots"] = NotFound(m1),
                ["GetMemberReferralCode"] = NotFound(m1),
                ["NameMemberReferrer"] = NotFound(m1, new { referralCode = "K7M2QX9P" }),
                ["ListMemberReferrals"] = NotFound(m1),
                ["AdjustMemberPoints"] = NotFound(m1, new { delta = 1000, reason = "takeover" }),

                ["CreateTenant"] = new(new RouteCall(Empty, new { tenantId = a.TenantId, name = "Takeover" }), Expect.Refused, []),
                ["CreateApiKey"] = Own(new { scope = "admin", name = "Bravo" }, 201),
                ["ListApiKeys"] = Own(null, 200),
                ["RevokeApiKey"] = NotFound(Values(("keyId", ids["key"]))),

                ["InviteFamilyMember"] = NotFound(Empty, new { fromMemberId = "alpha-m1", toMemberId = "alpha-m3" }),
                ["AcceptFamilyInvitation"] = NotFound(Values(("invitationId", ids["invitation"])), new { memberId = "alpha-m3" }),
                ["ListFamily"] = NotFound(m1),
                ["UnbindFamilyMember"] = NotFound(Values(("memberId", "alpha-m1"), ("relativeId", "alpha-m2"))),
                ["CreateTransfer"] = NotFound(Empty, new { fromMemberId = "alpha-m1", toMemberId = "alpha-m2", points = 10 }),
                ["GetTransfer"] = NotFound(Values(("transferId", ids["transfer"]))),
            };
        }

        /// <summary>Every GET route read with A's admin key, as status and body: equal before and after means B's calls changed nothing A can see.</summary>
        private async Task<IReadOnlyList<string>> ReadEverythingAsync(TenantKeys a, IEnumerable<HttpFunction> functions, Dictionary<string, Probe> probes)
        {
            var reads = new List<string>();
            foreach (var function in functions.Where(f => f.Methods.Contains("GET") && probes.ContainsKey(f.Name)).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var response = await Invoker.CallAsync(function, "GET", probes[function.Name].Call, a.Admin);
                reads.Add($"{function.Name} {response.Status} {WithoutOwnExports(response.Text)}");
            }

            return reads;
        }

        /// <summary>
        /// A's own export read is recorded in A's audit log, so the audit shown by the export and the audit list grows by
        /// A's reads; those records are left out of the comparison. B's exports of A's members are refused (404) and
        /// record nothing, which the row comparison proves.
        /// </summary>
        private static string WithoutOwnExports(string text)
        {
            if (!text.StartsWith('{') || System.Text.Json.Nodes.JsonNode.Parse(text) is not System.Text.Json.Nodes.JsonObject body)
            {
                return text;
            }

            foreach (var name in new[] { "audit", "records" })
            {
                if (body[name] is System.Text.Json.Nodes.JsonArray records)
                {
                    foreach (var export in records.Where(r => r?["action"]?.GetValue<string>() == "export").ToList())
                    {
                        records.Remove(export);
                    }
                }
            }

            return body.ToJsonString();
        }

        /// <summary>B's own clearing run is left to finish so the snapshot after it is not taken half-way.</summary>
        private async Task WaitForOrchestrationsAsync(string tenantId)
        {
            var day = DateOnly.FromDateTime(_host.Time.GetUtcNow().UtcDateTime);
            foreach (var date in new[] { day.AddDays(-1), day, day.AddDays(-2) })
            {
                var instance = await _host.Client.GetInstanceAsync(ClearingRunIds.InstanceId(tenantId, date), getInputsAndOutputs: false, CancellationToken.None);
                if (instance is not null)
                {
                    await _host.WaitAsync(instance.InstanceId);
                }
            }
        }
    }
}
