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

    [Fact]
    public async Task No_sequence_of_calls_creates_points_the_programme_did_not_credit()
    {
        var reached = new HashSet<string>();
        await ShopStep.Generator.Array[5, 30].SampleAsync(
            async steps =>
            {
                var shop = new ApiShop(host, await host.NewTenantAsync());
                await shop.OpenAsync();
                foreach (var step in steps)
                {
                    await shop.RunAsync(step);
                }

                await shop.VerifyAsync();
                lock (reached)
                {
                    reached.UnionWith(shop.Reached);
                }
            },
            iter: 25,
            threads: 1,
            print: steps => string.Join("\n", steps.Select(s => s.ToString())));

        Assert.Empty(Paths.Except(reached));
    }
}
