using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Expiry;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Functions;
using Loyalty.Functions.Expiry;
using Loyalty.Infrastructure.Security;
using Loyalty.Infrastructure.Storage;
using Loyalty.Infrastructure.Tables;
using Loyalty.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Loyalty.Benchmarks;

/// <summary>
/// (e) Clearing a day on which every member has one lot ending, through the real path: <see cref="ClearingOrchestrator"/>
/// in the in-process Durable host (as the tests run it) calling its activities — count, then per page of
/// <see cref="ClearingService.PageSize"/> one activity per <see cref="ClearingOrchestrator.MembersPerActivity"/> members,
/// each clearing <see cref="ClearingService.Parallelism"/> at once — then continue-as-new. The floors run in the same
/// fan-out on other members of the SAME ledger table (Azurite's lookups cost more as a table grows, so a floor on a
/// smaller table would flatter it): (e0) what any clearing must do per member — read the account, then its lots, and
/// clearing's 4-row batch (account, idempotency row, expire entry, lot delete); (e0p) only a point read and that batch;
/// (e1) clearing's own requests written directly, to show what the orchestration adds.
/// </summary>
internal static class ClearingBench
{
    public const int DefaultMembers = 100_000;

    private const string Tenant = "clearbench";
    private const string RawTenant = "clearbenchraw";
    private const long Points = 100;

    /// <summary>Azurite serves one request at a time; more writers in flight only queue up (and time out).</summary>
    private const int SeedParallelism = 8;

    private const int SeedProgressEvery = 10_000;

    /// <summary>Members each floor is measured on (a rate, not a total).</summary>
    private const int RawSample = 2_000;

    // An idempotency row's stored outcome is a few hundred characters of JSON; the raw rows carry as much.
    private static readonly string Outcome = new('o', 600);

    public static async Task RunAsync(int members, int parallelism)
    {
        // Azurite keeps every row in the Node heap; 100,000 members with their history outgrow Node's default limit.
        Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=8192");
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await RunAsync(azurite, members, new ClearingSettings(parallelism));
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task RunAsync(AzuriteFixture azurite, int members, ClearingSettings settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.UniqueName("clr"),
            ["Security:PhoneHashKey"] = TestSecrets.NewPhoneHashKey(),
            ["Security:FieldKeys"] = TestSecrets.NewFieldKeys(),
        }).Build();
        // The sidecar's web host logs every gRPC call at Information; its default configuration reads this variable.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        await using var durable = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                registry.AddOrchestrator<ClearingOrchestrator>();
                registry.AddActivity<CountClearingMembersActivity>(CountClearingMembersActivity.Name);
                registry.AddActivity<ListClearingPageActivity>(ListClearingPageActivity.Name);
                registry.AddActivity<ClearMembersActivity>(ClearMembersActivity.Name);
                registry.AddActivity<RecordClearingProgressActivity>(RecordClearingProgressActivity.Name);
            },
            new DurableTaskTestHostOptions
            {
                LoggerFactory = NullLoggerFactory.Instance,
                ConfigureServices = services =>
                {
                    services.AddLogging();
                    services.AddSingleton<IConfiguration>(configuration);
                    services.AddLoyaltyFunctions(configuration);
                    services.AddSingleton(settings);
                },
            });
        var services = durable.Services;
        var zone = new ProgramRules().Zone();
        var day = ClearingSchedule.LatestClearableDay(TimeProvider.System.GetUtcNow(), zone);
        var expiresAt = TenantClock.StartOfDay(day.AddDays(1), zone);

        var ledgerStore = services.GetRequiredService<ILedgerStore>();
        var tables = services.GetRequiredService<LoyaltyTables>();
        var indexTable = await tables.GetAsync(LoyaltyTables.ExpiryIndex);
        var ledger = await tables.GetAsync(LoyaltyTables.Ledger);
        var sampled = Math.Min(members, RawSample);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(ledgerStore, indexTable, Tenant, 0, members, expiresAt);
        await SeedAsync(ledgerStore, indexTable, RawTenant, 0, 4 * sampled, expiresAt);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {members} members to clear and {4 * sampled} for the floors (account + lot + index row each) in one ledger table in {seeding.Elapsed.TotalSeconds:0} s, not measured; load average {LoadAverage()}"));

        var floorBefore = await FannedOutAsync(0, sampled, settings, (i, ct) => FloorMemberAsync(ledger, i, expiresAt, readLots: true, ct));
        Print("(e0) floor: account read, lots query, 4-row batch", floorBefore, sampled);
        var pointFloor = await FannedOutAsync(sampled, sampled, settings, (i, ct) => FloorMemberAsync(ledger, i, expiresAt, readLots: false, ct));
        Print("(e0p) point read + 4-row batch", pointFloor, sampled);
        var sequence = await FannedOutAsync(2 * sampled, sampled, settings, (i, ct) => ClearingSequenceAsync(ledger, i, expiresAt, ct), ids => RemoveIndexRowsAsync(indexTable, ids, expiresAt));
        Print("(e1) clearing's requests, written directly", sequence, sampled);

        var clearing = Stopwatch.StartNew();
        var (cleared, pages) = await ClearAsync(durable.Client, services, day, members);
        Print("(e) clearing: ClearingOrchestrator + activities", cleared, members);

        // Measured again after clearing (on a table grown by clearing's rows, on a machine whose load drifts): the
        // ratio is taken to the mean of the two.
        var floorAfter = await FannedOutAsync(3 * sampled, sampled, settings, (i, ct) => FloorMemberAsync(ledger, i, expiresAt, readLots: true, ct));
        Print("(e0) floor again, after clearing", floorAfter, sampled);
        var floor = (floorBefore + floorAfter) / 2;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio e/e0: {cleared / floor:0.00} (clearing as a share of the floor that reads what clearing must read, mean of before and after; target 0.7)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio e/e0p: {cleared / pointFloor:0.00} (as a share of a point read + batch, which cannot know the member's lots)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio e/e1: {cleared / sequence:0.00}, e1/e0: {sequence / floor:0.00} (what the orchestration adds; what clearing's extra requests cost)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clearing took {clearing.Elapsed.TotalMinutes:0.0} min: in-process Durable host (Microsoft.DurableTask.InProcessTestHost), 1 count + {pages} pages of {ClearingService.PageSize}, activities of {ClearingOrchestrator.MembersPerActivity} members, {settings.Parallelism} members at once per activity"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; Azurite in-memory; load average {LoadAverage()}"));
    }

    private static string MemberId(int i) => string.Create(CultureInfo.InvariantCulture, $"m{i:D7}");

    private static PointsLot Lot(int i, DateTimeOffset expiresAt) =>
        new(string.Create(CultureInfo.InvariantCulture, $"l{i}"), Points, Points, expiresAt.AddDays(-365), expiresAt.AddDays(-365), expiresAt, "bench", null);

    /// <summary>
    /// Accounts and lots through the ledger store (one batch per member: a batch cannot span members' partitions), a
    /// bounded number at once; the index rows in batches of 100 (all in one month partition), in
    /// <see cref="TableExpiryIndex"/>'s row format — a mismatch would leave rows uncleared and fail the run's check.
    /// </summary>
    private static async Task SeedAsync(ILedgerStore ledger, TableClient index, string tenant, int first, int count, DateTimeOffset expiresAt)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism };
        var ids = Enumerable.Range(first, count);
        var seeded = 0;
        var elapsed = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, parallel, async (i, ct) =>
        {
            var member = new MemberKey(tenant, MemberId(i));
            var account = new MemberAccount { Key = member, RegisteredAt = expiresAt.AddDays(-400), LifetimeEarned = Points };
            if (!await ledger.CreateAccountAsync(account, [Lot(i, expiresAt)], [], ct))
            {
                throw new InvalidOperationException($"Seeding found member {member} already there.");
            }

            if (Interlocked.Increment(ref seeded) % SeedProgressEvery == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeding {tenant}: {seeded} of {count} members after {elapsed.Elapsed.TotalMinutes:0.0} min; load average {LoadAverage()}"));
            }
        });
        var partition = IndexPartition(tenant, expiresAt);
        var ticks = expiresAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        await Parallel.ForEachAsync(ids.Chunk(100), parallel, async (chunk, ct) =>
            await index.SubmitTransactionAsync(
                chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"{ticks}:{MemberId(i)}") { ["MemberId"] = MemberId(i), ["ExpiresAt"] = expiresAt })),
                ct));
    }

    private static string IndexPartition(string tenant, DateTimeOffset expiresAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenant}:{expiresAt.UtcDateTime:yyyyMM}");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// Members in the orchestrator's shape: page by page, the page's activities at once, each member-parallel, then
    /// <paramref name="activityDone"/> for each activity's members.
    /// </summary>
    private static async Task<double> FannedOutAsync(int first, int count, ClearingSettings settings, Func<int, CancellationToken, ValueTask> member, Func<int[], Task>? activityDone = null)
    {
        var total = Stopwatch.StartNew();
        for (var page = 0; page < count; page += ClearingService.PageSize)
        {
            var ids = Enumerable.Range(first + page, Math.Min(ClearingService.PageSize, count - page));
            await Task.WhenAll(ids.Chunk(ClearingOrchestrator.MembersPerActivity).Select(async activity =>
            {
                await Parallel.ForEachAsync(activity, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism }, member);
                if (activityDone is not null)
                {
                    await activityDone(activity);
                }
            }));
        }

        return count / total.Elapsed.TotalSeconds;
    }

    private static async ValueTask FloorMemberAsync(TableClient ledger, int i, DateTimeOffset expiresAt, bool readLots, CancellationToken cancellationToken)
    {
        var partition = new MemberKey(RawTenant, MemberId(i)).PartitionKey;
        var account = (await ledger.GetEntityAsync<TableEntity>(partition, "account", cancellationToken: cancellationToken)).Value;
        if (readLots)
        {
            await foreach (var row in ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"lot:"} and RowKey lt {"lot;"}"), cancellationToken: cancellationToken))
            {
                _ = row;
            }
        }

        await ledger.SubmitTransactionAsync(ClearingBatch(partition, account, i, expiresAt), cancellationToken);
    }

    /// <summary>What clearing sends for a member: the account, then its lots and its active holds, the batch (the index rows go per activity).</summary>
    private static async ValueTask ClearingSequenceAsync(TableClient ledger, int i, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var partition = new MemberKey(RawTenant, MemberId(i)).PartitionKey;
        var account = (await ledger.GetEntityIfExistsAsync<TableEntity>(partition, "account", cancellationToken: cancellationToken)).Value ?? throw new InvalidOperationException($"No account in {partition}.");
        foreach (var filter in new[]
        {
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"lot:"} and RowKey lt {"lot;"}"),
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"hold:"} and RowKey lt {"hold;"} and Status eq {"Active"}"),
        })
        {
            await foreach (var row in ledger.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                _ = row;
            }
        }

        await ledger.SubmitTransactionAsync(ClearingBatch(partition, account, i, expiresAt), cancellationToken);
    }

    private static async Task RemoveIndexRowsAsync(TableClient index, int[] ids, DateTimeOffset expiresAt)
    {
        var partition = IndexPartition(RawTenant, expiresAt);
        var ticks = expiresAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        await index.SubmitTransactionAsync(ids.Select(i => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, $"{ticks}:{MemberId(i)}"), ETag.All)));
    }

    private static List<TableTransactionAction> ClearingBatch(string partition, TableEntity account, int i, DateTimeOffset expiresAt)
    {
        account["LifetimeExpired"] = Points;
        var lotRow = string.Create(CultureInfo.InvariantCulture, $"lot:{expiresAt.UtcDateTime:yyyyMMdd}:l{i}");
        return
        [
            new(TableTransactionActionType.UpdateReplace, account, account.ETag),
            new(TableTransactionActionType.Add, new TableEntity(partition, "idem:" + new string('1', 64)) { ["Kind"] = "idem", ["Key"] = "clearing", ["Fingerprint"] = "expire", ["Outcome"] = Outcome, ["CreatedAt"] = expiresAt }),
            new(TableTransactionActionType.Add, new TableEntity(partition, "tx:0000000000000000001:000:e1") { ["Kind"] = "tx", ["Type"] = "Expire", ["Delta"] = -Points, ["At"] = expiresAt, ["Lots"] = "{}", ["Details"] = "{}" }),
            new(TableTransactionActionType.Delete, new TableEntity(partition, lotRow), ETag.All),
        ];
    }

    private static async Task<(double MembersPerSecond, int Pages)> ClearAsync(DurableTaskClient client, IServiceProvider services, DateOnly day, int members)
    {
        var instanceId = ClearingRunIds.InstanceId(Tenant, day);
        var total = Stopwatch.StartNew();
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ClearingOrchestrator), new ClearingInput(Tenant, day), new StartOrchestrationOptions(instanceId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromHours(12));
        var waiting = client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        var runs = services.GetRequiredService<IClearingRunStore>();
        // A long run shows its progress (the run row the admin API reads), so a run stopped early still gives a rate.
        while (await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMinutes(1))) != waiting)
        {
            var progress = (await runs.GetAsync(Tenant, day, CancellationToken.None))?.MembersDone ?? 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  clearing: {progress} of {members} members after {total.Elapsed.TotalMinutes:0} min, {progress / total.Elapsed.TotalSeconds:0.0} members/s; load average {LoadAverage()}"));
        }

        var done = await waiting;
        total.Stop();
        var tally = done.ReadOutputAs<ClearingTally>();
        var window = ExpiryWindow.ForDay(day, new ProgramRules().Zone());
        var left = await services.GetRequiredService<IExpiryIndex>().PageAsync(Tenant, window, null, 10, CancellationToken.None);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || tally is null || tally.Members != members || tally.Failures != 0 || tally.PointsExpired != members * Points || left.Entries.Count != 0)
        {
            throw new InvalidOperationException($"Clearing did not clear every member: {done.RuntimeStatus}, {tally}, {left.Entries.Count} index rows left.");
        }

        // Full pages, then the last one (partial, or empty when the count divides evenly) that ends the cursor.
        return (members / total.Elapsed.TotalSeconds, (members / ClearingService.PageSize) + 1);
    }

    private static void Print(string name, double membersPerSecond, int members) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-50} {membersPerSecond,8:0.0} members/s   ({members} members)"));
}
