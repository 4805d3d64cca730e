using CsCheck;
using Loyalty.Functions.Tests.Support;

namespace Loyalty.Functions.Tests.Ledger;

/// <summary>
/// Random sequences of what tills, a storefront and an admin do — purchases with any points paid, refunds of any lines
/// or amounts, holds, captures, releases, redemptions and cancellations, transfers, donations, draws — through the
/// function classes against Azurite, with redemptions run by the real Durable host. After each sequence the ledger of
/// every member and of the tenant must balance against what the programme itself credited (<see cref="ApiShop.VerifyAsync"/>).
/// </summary>
public sealed class ConservationPropertyTests(DurableFunctionsHost host) : IClassFixture<DurableFunctionsHost>
{
    /// <summary>What the samples together must reach, or a passing run proves nothing about that path.</summary>
    private static readonly string[] Paths =
    [
        "order", "order paid with points", "points paid given back (credited)", "points paid given back (cancelled)",
        "entry earn", "entry spend", "entry refund", "entry restore", "entry void", "entry release", "entry expire",
        "entry transferOut", "entry transferIn", "entry donation", "entry lottery", "entry adjust",
    ];

    /// <summary>A sequence that takes every path once, so each run checks them all whatever the random ones reach.</summary>
    private static readonly ShopStep[] EveryPath =
    [
        new ShopStep.Buy(0, 2, 30, 20, PointsPart.Held, 0, CompleteNow: false),
        new ShopStep.Refund(0, RefundKind.Lines, 1, 0),
        new ShopStep.Drain(),
        new ShopStep.CancelOrder(0),
        new ShopStep.Buy(1, 1, 100, 0, PointsPart.HeldAndStated, 0, CompleteNow: true),
        new ShopStep.Refund(0, RefundKind.Rest, 1, 0),
        new ShopStep.Buy(2, 1, 10, 0, PointsPart.None, 0, CompleteNow: true),
        new ShopStep.Buy(2, 1, 10, 0, PointsPart.Unbacked, 9_000_000_000_000_000_000L, CompleteNow: true),
        new ShopStep.StrayHold(2, 10, HoldEnd.Release),
        new ShopStep.Redeem(0, Physical: true, CancelIt: true),
        new ShopStep.Redeem(1, Physical: false, CancelIt: false),
        new ShopStep.Transfer(0, 100),
        new ShopStep.Donate(2, 50),
        new ShopStep.Draw(2),
        new ShopStep.Adjust(2, -10),
        new ShopStep.CheckIn(0),
        new ShopStep.Grant(1, 30),
        new ShopStep.Advance(60 * 24 * 40),
        new ShopStep.CheckIn(0),
        new ShopStep.Drain(),
    ];

    [Fact]
    public async Task No_sequence_of_calls_creates_points_the_programme_did_not_credit()
    {
        var reached = new HashSet<string>();
        async Task RunAsync(IEnumerable<ShopStep> steps)
        {
            var shop = new ApiShop(host, await host.NewTenantAsync());
            await shop.OpenAsync();
            foreach (var step in steps)
            {
                await shop.RunAsync(step);
            }

            await shop.VerifyAsync();
            reached.UnionWith(shop.Reached);
        }

        await RunAsync(EveryPath);
        await ShopStep.Generator.Array[5, 30].SampleAsync(
            RunAsync,
            iter: 25,
            threads: 1,
            print: steps => string.Join("\n", steps.Select(s => s.ToString())));

        Assert.Empty(Paths.Except(reached));
    }
}
