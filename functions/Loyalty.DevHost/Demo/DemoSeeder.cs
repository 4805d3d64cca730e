using System.Diagnostics;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;
using Loyalty.Functions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.DevHost.Demo;

/// <summary>
/// Fills the demo tenant with a few hundred members and 18 months of purchases, redemptions and adjustments. It drives
/// the Core services directly with a <see cref="SeedClock"/> set to each event's date (the API refuses orders older than
/// a year and stamps everything with the current time), so lots, pending windows and expiry look like real history.
/// </summary>
public sealed class DemoSeeder(IConfiguration configuration)
{
    public const int MemberCount = 300;
    private const int Parallelism = 8;

    public async Task SeedAsync(string tenantId, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = new SeedClock();
        var services = new ServiceCollection().AddLogging().AddLoyaltyFunctions(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IAccrualQueue, DiscardingAccrualQueue>();
        await using var provider = services.BuildServiceProvider();
        var ledgerStore = provider.GetRequiredService<ILedgerStore>();
        if (await ledgerStore.LoadAsync(new MemberKey(tenantId, MemberId(1)), cancellationToken) is not null)
        {
            await output.WriteLineAsync($"Demo data already seeded in tenant '{tenantId}'; nothing to do.");
            return;
        }

        var now = TimeProvider.System.GetUtcNow();
        var start = now.AddMonths(-18);
        clock.Set(start.AddDays(-1));
        await EnsureProgramAsync(provider.GetRequiredService<ProgramService>(), tenantId, cancellationToken);

        var watch = Stopwatch.StartNew();
        var done = 0;
        var purchases = 0;
        var history = new MemberHistory(
            tenantId,
            clock,
            provider.GetRequiredService<MemberService>(),
            provider.GetRequiredService<PurchaseService>(),
            provider.GetRequiredService<LedgerService>(),
            provider.GetRequiredService<AdjustmentService>());
        await Parallel.ForEachAsync(
            Enumerable.Range(1, MemberCount),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (n, ct) =>
            {
                Interlocked.Add(ref purchases, await history.WriteAsync(n, MemberId(n), start, now, ct));
                if (Interlocked.Increment(ref done) % 50 == 0)
                {
                    await output.WriteLineAsync($"  seeded {done}/{MemberCount} members, {purchases} purchases ({watch.Elapsed.TotalSeconds:0} s)");
                }
            });
        await output.WriteLineAsync($"Seeded tenant '{tenantId}': {MemberCount} members (demo-0001..demo-{MemberCount:0000}), {purchases} purchases over 18 months in {watch.Elapsed.TotalSeconds:0} s.");
    }

    public static string MemberId(int n) => $"demo-{n:0000}";

    private static async Task EnsureProgramAsync(ProgramService programs, string tenantId, CancellationToken cancellationToken)
    {
        if ((await programs.GetAsync(tenantId, cancellationToken)).Version > 0)
        {
            return;
        }

        var rules = new ProgramRules
        {
            Name = "Demo Coffee & Bakery Rewards",
            Earning = new EarningRules { BaseRatePoints = 1m, BaseRatePer = 1m, ReturnWindowDays = 7, MaxPointsPerOrder = 2000 },
            Expiry = new ExpiryPolicy { Mode = ExpiryMode.Rolling, Months = 12, RoundToMonthEnd = true },
        };
        var saved = await programs.SaveAsync(tenantId, rules, 0, "demo-seeder", cancellationToken);
        if (!saved.IsSuccess && saved.Error.Code != "version-mismatch")
        {
            throw new InvalidOperationException($"Cannot save the demo program: {saved.Error.Message}");
        }
    }
}
