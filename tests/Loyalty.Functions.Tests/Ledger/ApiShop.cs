using System.Text.Json.Nodes;
using Loyalty.Functions.Activities;
using Loyalty.Functions.Donations;
using Loyalty.Functions.Family;
using Loyalty.Functions.Gifts;
using Loyalty.Functions.Lotteries;
using Loyalty.Functions.Members;
using Loyalty.Functions.Pos;
using Loyalty.Functions.Programs;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Redemptions;
using Loyalty.Functions.Refunds;
using Loyalty.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Ledger;

/// <summary>
/// One tenant driven through the function classes as tills, a storefront and an admin would, with a model of what
/// the programme itself credited: every order's cash, every adjustment, grant, check-in and transfer that succeeded.
/// <see cref="VerifyAsync"/> holds the ledger to it.
/// </summary>
internal sealed class ApiShop(DurableFunctionsHost host, TenantKeys tenant)
{
    public const long CheckInPoints = 5;
    public const long SignUpBonus = 10;
    public const long SeedPoints = 5000;

    private static readonly object ShipTo = new { name = "Li Lei", phone = "13812345678", address = "1 Nanjing Rd, Shanghai" };

    private readonly string[] _members = ["m-0", "m-1", "m-2"];
    private readonly List<Order> _orders = [];
    private readonly Dictionary<string, List<long>> _credits = [];
    private readonly Dictionary<string, List<long>> _adjustments = [];
    private readonly Dictionary<string, long> _transfersIn = [];
    private readonly List<long> _refusedTillNumbers = [];
    private readonly List<string> _log = [];
    private object? _lastRefund;
    private int _next;

    public IReadOnlyList<string> Log => _log;

    /// <summary>What the sequence reached (ledger entry types, orders paid with points, points given back...), so the test can show it covered every path.</summary>
    public ISet<string> Reached { get; } = new HashSet<string>();

    public static object Program => new
    {
        earning = new { baseRatePoints = 1, baseRatePer = 1, returnWindowDays = 0 },
        expiry = new { mode = "rolling", months = 1, roundToMonthEnd = false },
        activities = new { signUpBonus = SignUpBonus, checkIn = new { points = CheckInPoints, cycleDays = 0 } },
        tiers = new { levels = new[] { new { name = "normal", threshold = 0 } } },
        transfers = new { maxTransfersPerMonth = 50, maxPointsPerMonth = 100_000 },
    };

    public async Task OpenAsync()
    {
        var newProgram = new Dictionary<string, string> { ["If-Match"] = "\"0\"" };
        Expect(await CallAsync(Request("PUT", "/api/v1/program", Program, tenant.Admin, newProgram), r => host.Function<ProgramFunctions>().Put(r, CancellationToken.None)), 200);
        foreach (var member in _members)
        {
            _credits[member] = [SignUpBonus];
            _adjustments[member] = [SeedPoints];
            Expect(await Call("POST", "/api/v1/members", new { memberId = member }, tenant.Pos, null, r => host.Function<MemberFunctions>().Register(r, NoDurable.Client, CancellationToken.None)), 201);
            Expect(await Call("POST", $"/api/v1/members/{member}/adjustments", new { delta = SeedPoints, reason = "seed" }, tenant.Admin, "seed-" + member, r => host.Function<MemberFunctions>().Adjust(r, member, CancellationToken.None)), 201);
        }

        var family = host.Function<FamilyFunctions>();
        var invitation = await Call("POST", "/api/v1/family/invitations", new { fromMemberId = _members[0], toMemberId = _members[1] }, tenant.Storefront, "family", r => family.Invite(r, CancellationToken.None));
        var invitationId = invitation.Json["invitationId"]!.GetValue<string>();
        Expect(await Call("POST", $"/api/v1/family/invitations/{invitationId}/accept", new { memberId = _members[1] }, tenant.Storefront, null, r => family.Accept(r, invitationId, CancellationToken.None)), 200);

        var gifts = host.Function<GiftFunctions>();
        Expect(await Call("PUT", "/api/v1/gifts/coupon", new { name = "Coffee coupon", kind = "coupon", pointsPrice = 100, coupon = new { amountOff = 5, validDays = 30 } }, tenant.Admin, null, r => gifts.Put(r, "coupon", CancellationToken.None)), 201);
        Expect(await Call("PUT", "/api/v1/gifts/mug", new { name = "Mug", kind = "physical", pointsPrice = 300 }, tenant.Admin, null, r => gifts.Put(r, "mug", CancellationToken.None)), 201);
        foreach (var gift in new[] { "coupon", "mug" })
        {
            Expect(await Call("POST", $"/api/v1/gifts/{gift}/stock", new { delta = 1000 }, tenant.Admin, "stock-" + gift, r => gifts.AdjustStock(r, gift, CancellationToken.None)), 200);
        }

        Expect(await Call("PUT", "/api/v1/lotteries/spring", new { name = "Spring draw", costPoints = 50, prizes = new[] { new { prizeId = "cup", name = "Cup", weight = 1, stock = 3 } }, noPrizeWeight = 9 }, tenant.Admin, null, r => host.Function<LotteryFunctions>().Put(r, "spring", CancellationToken.None)), 200);
        Expect(await Call("PUT", "/api/v1/charity-projects/schools", new { name = "Rural schools" }, tenant.Admin, null, r => host.Function<DonationFunctions>().PutProject(r, "schools", CancellationToken.None)), 200);
    }

    public async Task RunAsync(ShopStep step)
    {
        _log.Add(step.ToString());
        switch (step)
        {
            case ShopStep.Buy buy:
                await BuyAsync(buy);
                break;
            case ShopStep.Refund refund when _orders.Count > 0:
                await RefundAsync(refund);
                break;
            case ShopStep.CancelOrder cancel when _orders.Count > 0:
                var cancelled = Recent(cancel.Order).Id;
                await Call("POST", $"/api/v1/purchases/{cancelled}/cancel", null, tenant.Pos, null, r => host.Function<PurchaseFunctions>().Cancel(r, cancelled, CancellationToken.None));
                break;
            case ShopStep.CompleteOrder complete when _orders.Count > 0:
                var completed = Recent(complete.Order).Id;
                await Call("POST", $"/api/v1/purchases/{completed}/complete", null, tenant.Pos, null, r => host.Function<PurchaseFunctions>().Complete(r, completed, CancellationToken.None));
                break;
            case ShopStep.StrayHold stray:
                await HoldAsync(_members[stray.Member], $"stray-{_next++}", stray.Yuan * 100L, [new { sku = "set", quantity = 1, unitPrice = 1000m }], stray.End);
                break;
            case ShopStep.Redeem redeem:
                await RedeemAsync(redeem);
                break;
            case ShopStep.Transfer transfer:
                await TransferAsync(transfer);
                break;
            case ShopStep.Donate donate:
                await Call("POST", "/api/v1/donations", new { memberId = _members[donate.Member], projectId = "schools", points = donate.Points }, tenant.Storefront, Key(), r => host.Function<DonationFunctions>().Donate(r, CancellationToken.None));
                break;
            case ShopStep.Draw draw:
                await Call("POST", "/api/v1/lotteries/spring/draws", new { memberId = _members[draw.Member] }, tenant.Storefront, Key(), r => host.Function<LotteryFunctions>().Draw(r, "spring", CancellationToken.None));
                break;
            case ShopStep.Adjust adjust when adjust.Delta != 0:
                var member = _members[adjust.Member];
                var adjusted = await Call("POST", $"/api/v1/members/{member}/adjustments", new { delta = adjust.Delta, reason = "correction" }, tenant.Admin, Key(), r => host.Function<MemberFunctions>().Adjust(r, member, CancellationToken.None));
                if (adjusted.Status == 201)
                {
                    _adjustments[member].Add(adjust.Delta);
                }

                break;
            case ShopStep.CheckIn checkIn:
                var checkedIn = await Call("POST", $"/api/v1/members/{_members[checkIn.Member]}/check-ins", null, tenant.Storefront, Key(), r => host.Function<ActivityFunctions>().CheckIn(r, _members[checkIn.Member], CancellationToken.None));
                if (checkedIn.Status == 201)
                {
                    _credits[_members[checkIn.Member]].Add(CheckInPoints);
                }

                break;
            case ShopStep.Grant grant:
                var granted = await Call("POST", "/api/v1/grants", new { memberIds = new[] { _members[grant.Member] }, points = grant.Points, reason = "gift" }, tenant.Admin, Key(), r => host.Function<ActivityFunctions>().Grant(r, CancellationToken.None));
                if (granted.Status is 200 or 201 && granted.Json["results"]![0]!["status"]!.GetValue<string>() == "granted")
                {
                    _credits[_members[grant.Member]].Add(grant.Points);
                }

                break;
            case ShopStep.Advance advance:
                host.Time.Advance(TimeSpan.FromMinutes(advance.Minutes));
                break;
            case ShopStep.Drain:
                await host.DrainQueueAsync();
                break;
        }

        // Entries of one instant have no defined order across operations; a second between steps keeps the flow readable.
        host.Time.Advance(TimeSpan.FromSeconds(1));
    }

    private async Task BuyAsync(ShopStep.Buy buy)
    {
        var member = _members[buy.Member];
        var orderId = $"o-{_next++}";
        object[] lines = buy.CakePrice > 0
            ? [new { sku = "tea", quantity = buy.Quantity, unitPrice = (decimal)buy.UnitPrice }, new { sku = "cake", quantity = 1, unitPrice = (decimal)buy.CakePrice }]
            : [new { sku = "tea", quantity = buy.Quantity, unitPrice = (decimal)buy.UnitPrice }];
        var total = (buy.Quantity * buy.UnitPrice) + buy.CakePrice;
        // At most 20 yuan (2000 points), so the member's seed usually covers the hold.
        var yuanByPoints = buy.Points is PointsPart.None or PointsPart.Unbacked ? 0 : Math.Clamp(total / 3, 1, 20);
        string? holdId = null;
        if (yuanByPoints > 0)
        {
            var holder = buy.Points == PointsPart.OthersHold ? _members[(buy.Member + 1) % 3] : member;
            var end = buy.Points switch
            {
                PointsPart.UncapturedHold => HoldEnd.Leave,
                PointsPart.ReleasedHold => HoldEnd.Release,
                _ => HoldEnd.Capture,
            };
            holdId = await HoldAsync(holder, orderId, yuanByPoints * 100L, lines, end);
        }

        var backed = holdId is not null && buy.Points is PointsPart.Held or PointsPart.HeldAndStated;
        long? pointsPaid = buy.Points switch
        {
            PointsPart.Unbacked => buy.TillPoints,
            PointsPart.HeldAndStated => yuanByPoints * 100L,
            PointsPart.HeldWrongFigure => (yuanByPoints * 100L) + 100,
            _ => null,
        };
        var cashPaid = total - (holdId is null ? 0 : yuanByPoints);
        var body = new { orderId, memberId = member, lines, cashPaid = (decimal)cashPaid, pointsPaid, holdIds = holdId is null ? null : new[] { holdId }, complete = buy.CompleteNow };
        var submitted = await Call("POST", "/api/v1/purchases", body, tenant.Pos, null, r => host.Function<PurchaseFunctions>().Submit(r, CancellationToken.None));
        if (buy.Points == PointsPart.Unbacked)
        {
            _refusedTillNumbers.Add(buy.TillPoints);
            Assert.True(submitted.Status == 422, $"points paid with nothing behind them were accepted: {submitted.Text}");
        }

        if (holdId is not null && !backed)
        {
            Assert.True(submitted.Status == 422, $"a hold that does not back the order was accepted ({buy.Points}): {submitted.Text}");
        }

        if (submitted.Status == 202)
        {
            _orders.Add(new Order(orderId, member, cashPaid));
            Reached.Add(holdId is null ? "order" : "order paid with points");

            // The queue trigger credits an order moments later; refunds, by contrast, stay queued until a Drain step.
            await host.DrainQueueAsync();
        }
    }

    /// <summary>One of the last few orders: what a till refunds or cancels is usually what it just sold.</summary>
    private Order Recent(int index) => _orders[_orders.Count - 1 - (index % Math.Min(3, _orders.Count))];

    private async Task<string?> HoldAsync(string member, string orderId, long points, object[] lines, HoldEnd end)
    {
        var pos = host.Function<PosFunctions>();
        var held = await Call("POST", "/api/v1/pos/holds", new { memberId = member, orderId, points, lines }, tenant.Pos, Key(), r => pos.Hold(r, CancellationToken.None));
        if (held.Status != 201)
        {
            return null;
        }

        var holdId = held.Json["holdId"]!.GetValue<string>();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        if (end == HoldEnd.Capture)
        {
            await Call("POST", $"/api/v1/pos/holds/{holdId}/capture", null, tenant.Pos, null, r => pos.Capture(r, holdId, CancellationToken.None));
        }
        else if (end == HoldEnd.Release)
        {
            await Call("DELETE", $"/api/v1/pos/holds/{holdId}", null, tenant.Pos, null, r => pos.Release(r, holdId, CancellationToken.None));
        }

        return holdId;
    }

    private async Task RefundAsync(ShopStep.Refund refund)
    {
        var order = Recent(refund.Order);
        var id = $"r-{_next++}";
        object body = refund.Kind switch
        {
            RefundKind.Lines => new { refundId = id, orderId = order.Id, lines = new[] { new { sku = refund.Quantity % 2 == 0 ? "cake" : "tea", quantity = (decimal)refund.Quantity } } },
            RefundKind.Amount => new { refundId = id, orderId = order.Id, amount = refund.Cents / 100m },
            RefundKind.Replay when _lastRefund is not null => _lastRefund,
            _ => new { refundId = id, orderId = order.Id },
        };
        _lastRefund = body;
        await Call("POST", "/api/v1/refunds", body, tenant.Pos, null, r => host.Function<RefundFunctions>().Submit(r, CancellationToken.None));
    }

    private async Task RedeemAsync(ShopStep.Redeem redeem)
    {
        var redemptions = host.Function<RedemptionFunctions>();
        object body = redeem.Physical ? new { memberId = _members[redeem.Member], giftId = "mug", shipTo = ShipTo } : new { memberId = _members[redeem.Member], giftId = "coupon" };
        var started = await Call("POST", "/api/v1/redemptions", body, tenant.Storefront, Key(), r => redemptions.Start(r, host.Client, CancellationToken.None));
        if (started.Status != 202)
        {
            return;
        }

        var id = started.Json["redemptionId"]!.GetValue<string>();
        if (redeem.Physical)
        {
            // The merchant answers every physical gift, so no compensation lands while the ledger is read at the end.
            for (var i = 0; i < 300; i++)
            {
                var view = await Call("GET", $"/api/v1/redemptions/{id}", null, tenant.Storefront, null, r => redemptions.Get(r, host.Client, id, CancellationToken.None));
                var status = view.Json["status"]!.GetValue<string>();
                if (status == "awaitingShipment")
                {
                    await (redeem.CancelIt
                        ? Call("POST", $"/api/v1/redemptions/{id}/cancel", new { reason = "changed my mind" }, tenant.Storefront, null, r => redemptions.Cancel(r, host.Client, id, CancellationToken.None))
                        : Call("POST", $"/api/v1/redemptions/{id}/shipment", new { trackingNumber = "SF1" }, tenant.Admin, null, r => redemptions.Ship(r, host.Client, id, CancellationToken.None)));
                    break;
                }

                if (status is "failed" or "completed" or "cancelled")
                {
                    break;
                }

                await Task.Delay(50);
            }
        }

        await host.WaitAsync(id);
    }

    private async Task TransferAsync(ShopStep.Transfer transfer)
    {
        var (from, to) = (_members[transfer.From], _members[1 - transfer.From]);
        var sent = await Call("POST", "/api/v1/transfers", new { fromMemberId = from, toMemberId = to, points = transfer.Points }, tenant.Storefront, Key(), r => host.Function<FamilyFunctions>().Transfer(r, CancellationToken.None));
        if (sent.Status is 200 or 201 && sent.Json["status"]!.GetValue<string>() == "completed")
        {
            _transfersIn[to] = _transfersIn.GetValueOrDefault(to) + transfer.Points;
        }
    }

    /// <summary>
    /// The invariants, per member and for the tenant: balance + lifetime spent + lifetime expired equals what the
    /// programme credited (each credit accounted for by the model), every restore is at most what was taken for the
    /// same reference, the points paid for an order are what its holds captured, and no till's number became points.
    /// </summary>
    public async Task VerifyAsync()
    {
        await host.DrainQueueAsync();
        long tenantHeld = 0, tenantProgramme = 0, tenantTransfersIn = 0, tenantTransfersOut = 0, tenantTransfersBack = 0;
        foreach (var member in _members)
        {
            var summary = (await Call("GET", $"/api/v1/members/{member}", null, tenant.Pos, null, r => host.Function<MemberFunctions>().Get(r, member, CancellationToken.None))).Json;
            var entries = await EntriesAsync(member);
            Reached.UnionWith(entries.Select(e => "entry " + e.Type));
            long Sum(params string[] types) => entries.Where(e => types.Contains(e.Type)).Sum(e => e.Delta);

            var credited = Sum("earn", "adjust", "transferIn", "refund", "void");
            var held = Number(summary, "balance") + Number(summary, "lifetimeSpent") + Number(summary, "lifetimeExpired");
            Assert.True(held == credited, $"{member}: balance + spent + expired = {held}, but the programme credited {credited}\n{Flow(entries)}");

            var orders = _orders.Where(o => o.Member == member).ToDictionary(o => o.Id);
            foreach (var earn in entries.Where(e => e.Type == "earn" && e.Reference is { } r && orders.ContainsKey(r)))
            {
                var cash = orders[earn.Reference!].Cash;
                Assert.True(earn.Delta <= cash && earn.Delta >= cash - 1, $"{member}: order {earn.Reference} paid {cash} in cash but earned {earn.Delta}");
            }

            var otherEarnings = entries.Where(e => e.Type == "earn" && (e.Reference is null || !orders.ContainsKey(e.Reference))).Select(e => e.Delta).Order();
            Assert.Equal(_credits[member].Order(), otherEarnings);
            Assert.Equal(_adjustments[member].Order(), entries.Where(e => e.Type == "adjust").Select(e => e.Delta).Order());
            Assert.Equal(_transfersIn.GetValueOrDefault(member), Sum("transferIn"));

            foreach (var restored in entries.Where(e => e.Type == "restore").GroupBy(e => e.Reference))
            {
                var taken = -entries.Where(e => e.Reference == restored.Key && e.Type is "spend" or "transferOut").Sum(e => e.Delta);
                Assert.True(restored.Sum(e => e.Delta) <= taken, $"{member}: {restored.Sum(e => e.Delta)} restored for '{restored.Key}', which took {taken}\n{Flow(entries)}");
            }

            foreach (var order in orders.Values)
            {
                var status = (await Call("GET", $"/api/v1/purchases/{order.Id}", null, tenant.Pos, null, r => host.Function<PurchaseFunctions>().Get(r, order.Id, CancellationToken.None))).Json;
                var captured = -entries.Where(e => e.Reference == order.Id && e.Type == "spend").Sum(e => e.Delta);
                Assert.True(Number(status, "pointsPaid") <= captured, $"{order.Id}: shows {Number(status, "pointsPaid")} points paid, its holds captured {captured}");
                Assert.True(Number(status, "pointsRestored") <= Number(status, "pointsPaid"), $"{order.Id}: restored {Number(status, "pointsRestored")} of {Number(status, "pointsPaid")} paid");
                if (Number(status, "pointsRestored") > 0)
                {
                    Reached.Add($"points paid given back ({status["status"]!.GetValue<string>()})");
                }
            }

            Assert.DoesNotContain(entries, e => e.Delta > 10_000 && _refusedTillNumbers.Contains(e.Delta));
            var transfersOut = entries.Where(e => e.Type == "transferOut").Select(e => e.Reference).ToHashSet();
            tenantHeld += held;
            tenantProgramme += Sum("earn", "adjust", "refund", "void");
            tenantTransfersIn += Sum("transferIn");
            tenantTransfersOut -= Sum("transferOut");
            tenantTransfersBack += entries.Where(e => e.Type == "restore" && transfersOut.Contains(e.Reference)).Sum(e => e.Delta);
        }

        // For the tenant, transfers only move points: what members hold, spent and lost, less what they received from
        // each other, is what the programme credited; and every point sent arrived or came back.
        Assert.Equal(tenantProgramme, tenantHeld - tenantTransfersIn);
        Assert.Equal(tenantTransfersOut, tenantTransfersIn + tenantTransfersBack);
    }

    private async Task<List<Entry>> EntriesAsync(string member)
    {
        var entries = new List<Entry>();
        string? token = null;
        do
        {
            var query = token is null ? "?pageSize=200" : $"?pageSize=200&continuationToken={Uri.EscapeDataString(token)}";
            var page = (await Call("GET", $"/api/v1/members/{member}/ledger{query}", null, tenant.Pos, null, r => host.Function<MemberFunctions>().Ledger(r, member, CancellationToken.None))).Json;
            entries.AddRange(page["entries"]!.AsArray().Select(e => new Entry(e!["type"]!.GetValue<string>(), e["delta"]!.GetValue<long>(), e["reference"]?.GetValue<string>())));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        return entries;
    }

    private static string Flow(IEnumerable<Entry> entries) => string.Join("\n", entries.Reverse().Select(e => $"  {e.Type} {e.Delta} {e.Reference}"));

    private static long Number(JsonNode node, string name) => node[name]!.GetValue<long>();

    private static string Key() => Guid.NewGuid().ToString("N");

    private static void Expect(Response response, int status) => Assert.True(response.Status == status, $"set-up call answered {response.Status}: {response.Text}");

    /// <summary>Calls a function as the host would; whatever the call, a client can never get a server error.</summary>
    private static async Task<Response> Call(string method, string path, object? body, string apiKey, string? idempotencyKey, Func<HttpRequest, Task<IActionResult>> function)
    {
        var headers = idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey };
        var response = await CallAsync(Request(method, path, body, apiKey, headers), function);
        Assert.True(response.Status < 500, $"{method} {path} answered {response.Status}: {response.Text}");
        return response;
    }

    private sealed record Order(string Id, string Member, long Cash);

    private sealed record Entry(string Type, long Delta, string? Reference);
}
