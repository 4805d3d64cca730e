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
/// each clearing <see cref="ClearingService.Parallelism"/> at once — then continue-as-new. (e0) is the raw rate of the
/// same fan-out doing only a point read and clearing's 4-row batch (account, idempotency row, expire entry, lot delete)
/// per member partition; (e1) is clearing's own request sequence written directly, to show where the gap comes from.
/// </summary>
internal static class ClearingBench
{
    public const int DefaultMembers = 100_000;

    private const string Tenant = "clearbench";
    private const long Points = 100;
    private const int SeedParallelism = 32;

    /// <summary>Members the raw rate (e0) is measured on.</summary>
    private const int RawSample = 10_000;

    // An idempotency row's stored outcome is a few hundred characters of JSON; the raw rows carry as much.
    private static readonly string Outcome = new('o', 600);

    public static async Task RunAsync(int members)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await RunAsync(azurite, members);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task RunAsync(AzuriteFixture azurite, int members)
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
                },
            });
        var services = durable.Services;
        var zone = new ProgramRules().Zone();
        var day = ClearingSchedule.LatestClearableDay(TimeProvider.System.GetUtcNow(), zone);
        var expiresAt = TenantClock.StartOfDay(day.AddDays(1), zone);

        // The raw figures run on a ledger of their own with the same rows, on a sample (a rate, not a total); (e1) takes a
        // fifth as many members after (e0)'s.
        var sampled = Math.Min(members, RawSample);
        var profiled = Math.Max(sampled / 5, ClearingService.PageSize);
        var rawTables = new LoyaltyTables(azurite.CreateTableServiceClient(), Options.Create(new TableStorageOptions { TablePrefix = azurite.UniqueName("clrraw") }));
        var rawStore = new TableLedgerStore(rawTables, new FieldCipher(FieldKeyRing.Parse(TestSecrets.NewFieldKeys(), out _)!));
        var rawIndex = new TableExpiryIndex(rawTables);

        var seeding = Stopwatch.StartNew();
        await SeedAsync(services.GetRequiredService<ILedgerStore>(), await services.GetRequiredService<LoyaltyTables>().GetAsync(LoyaltyTables.ExpiryIndex), members, expiresAt);
        await SeedAsync(rawStore, await rawTables.GetAsync(LoyaltyTables.ExpiryIndex), sampled + profiled, expiresAt);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {members} members to clear and {sampled + profiled} raw ones (account + lot + index row each) in {seeding.Elapsed.TotalSeconds:0} s, not measured; load average {LoadAverage()}"));

        var rawLedger = await rawTables.GetAsync(LoyaltyTables.Ledger);
        var raw = await FannedOutAsync(sampled, (i, ct) => RawMemberAsync(rawLedger, i, expiresAt, ct));
        Print("(e0) raw: point read + 4-row batch per member partition", raw, sampled);

        var sequence = await FannedOutAsync(profiled, (i, ct) => ClearingSequenceAsync(rawLedger, rawIndex, sampled + i, expiresAt, ct));
        Print("(e1) clearing's 6 requests a member, written directly", sequence, profiled);

        var (cleared, pages) = await ClearAsync(durable.Client, services, day, members);
        Print("(e) clearing: ClearingOrchestrator + activities", cleared, members);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio e/e0: {cleared / raw:0.00} (clearing throughput as a share of the raw batch rate; target 0.7)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio e/e1: {cleared / sequence:0.00}, e1/e0: {sequence / raw:0.00} (what the orchestration adds; what the extra requests cost)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clearing path: in-process Durable host (Microsoft.DurableTask.InProcessTestHost), 1 count + {pages} pages of {ClearingService.PageSize}, activities of {ClearingOrchestrator.MembersPerActivity} members, {ClearingService.Parallelism} members at once per activity"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; Azurite in-memory; load average {LoadAverage()}"));
    }

    private static string MemberId(int i) => string.Create(CultureInfo.InvariantCulture, $"m{i:D7}");

    private static PointsLot Lot(int i, DateTimeOffset expiresAt) =>
        new(string.Create(CultureInfo.InvariantCulture, $"l{i}"), Points, Points, expiresAt.AddDays(-365), expiresAt.AddDays(-365), expiresAt, "bench", null);

    /// <summary>
    /// Accounts and lots through the ledger store; the index rows in batches of 100 (all in one month partition), in
    /// <see cref="TableExpiryIndex"/>'s row format — a mismatch would leave rows uncleared and fail the run's check.
    /// </summary>
    private static async Task SeedAsync(ILedgerStore ledger, TableClient index, int count, DateTimeOffset expiresAt)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
        {
            var member = new MemberKey(Tenant, MemberId(i));
            var account = new MemberAccount { Key = member, RegisteredAt = expiresAt.AddDays(-400), LifetimeEarned = Points };
            if (!await ledger.CreateAccountAsync(account, [Lot(i, expiresAt)], [], ct))
            {
                throw new InvalidOperationException($"Seeding found member {member} already there.");
            }
        });
        var partition = string.Create(CultureInfo.InvariantCulture, $"{Tenant}:{expiresAt.UtcDateTime:yyyyMM}");
        var ticks = expiresAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        await Parallel.ForEachAsync(Enumerable.Range(0, count).Chunk(100), parallel, async (chunk, ct) =>
            await index.SubmitTransactionAsync(
                chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"{ticks}:{MemberId(i)}") { ["MemberId"] = MemberId(i), ["ExpiresAt"] = expiresAt })),
                ct));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Members in the orchestrator's shape: page by page, the page's activities at once, each member-parallel.</summary>
    private static async Task<double> FannedOutAsync(int count, Func<int, CancellationToken, ValueTask> member)
    {
        var total = Stopwatch.StartNew();
        for (var page = 0; page < count; page += ClearingService.PageSize)
        {
            var ids = Enumerable.Range(page, Math.Min(ClearingService.PageSize, count - page));
            await Task.WhenAll(ids.Chunk(ClearingOrchestrator.MembersPerActivity).Select(activity =>
                Parallel.ForEachAsync(activity, new ParallelOptions { MaxDegreeOfParallelism = ClearingService.Parallelism }, member)));
        }

        return count / total.Elapsed.TotalSeconds;
    }

    private static async ValueTask RawMemberAsync(TableClient ledger, int i, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var partition = new MemberKey(Tenant, MemberId(i)).PartitionKey;
        var account = (await ledger.GetEntityAsync<TableEntity>(partition, "account", cancellationToken: cancellationToken)).Value;
        await ledger.SubmitTransactionAsync(ClearingBatch(partition, account, i, expiresAt), cancellationToken);
    }

    /// <summary>What clearing sends for a member: account and idempotency reads at once, lots, active holds, the batch, the index row.</summary>
    private static async ValueTask ClearingSequenceAsync(TableClient ledger, TableExpiryIndex index, int i, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var partition = new MemberKey(Tenant, MemberId(i)).PartitionKey;
        var reading = ledger.GetEntityIfExistsAsync<TableEntity>(partition, "account", cancellationToken: cancellationToken);
        _ = await ledger.GetEntityIfExistsAsync<TableEntity>(partition, "idem:" + new string('0', 64), cancellationToken: cancellationToken);
        var account = (await reading).Value ?? throw new InvalidOperationException($"No account in {partition}.");
        await foreach (var row in ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"lot:"} and RowKey lt {"lot;"}"), cancellationToken: cancellationToken))
        {
            _ = row;
        }

        await foreach (var row in ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"hold:"} and RowKey lt {"hold;"} and Status eq {"Active"}"), cancellationToken: cancellationToken))
        {
            _ = row;
        }

        await ledger.SubmitTransactionAsync(ClearingBatch(partition, account, i, expiresAt), cancellationToken);
        await index.RemoveAsync(Tenant, new ExpiryIndexEntry(MemberId(i), expiresAt), cancellationToken);
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromHours(3));
        var done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
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
