using System.Globalization;
using Azure.Data.Tables;
using Loyalty.Benchmarks;
using Loyalty.Core.Earning;
using Loyalty.Core.Expiry;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;
using Loyalty.Infrastructure.Security;
using Loyalty.Infrastructure.Storage;
using Loyalty.Infrastructure.Tables;
using Loyalty.Testing;
using Microsoft.Extensions.Options;

// Measures, in one run against Azurite: (a) the raw floor of Table Storage — one point read plus one 4-entity batch
// on a fresh partition; (b) purchase accrual through the ledger store (idempotency read, account read, lots query,
// rules, one batch); (c) balance reads; (d) a WeChat safe-mode push end to end (WeChatPushBench).
// (e) is clearing (ClearingBench), run on its own because it seeds and clears a whole population.
// Usage: dotnet run -c Release --project tests/Loyalty.Benchmarks [-- operations]      (a)-(d), 500 operations by default
//        dotnet run -c Release --project tests/Loyalty.Benchmarks -- clearing [members [parallelism]]
//                                                                    (e), 100000 members, 8 at once per activity by default
if (args.Length > 0 && args[0] == "clearing")
{
    await ClearingBench.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : ClearingBench.DefaultMembers,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : ClearingSettings.Default.Parallelism);
    return;
}

var operations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
try
{
    var service = azurite.CreateTableServiceClient();
    var tables = new LoyaltyTables(service, Options.Create(new TableStorageOptions { TablePrefix = azurite.UniqueName("bench") }));
    var store = new TableLedgerStore(tables, new FieldCipher(FieldKeyRing.Parse(TestSecrets.NewFieldKeys(), out _)!));
    var ledger = new LedgerService(store, TimeProvider.System);
    var raw = await tables.GetAsync("raw");
    var rules = new ProgramRules();
    var zone = rules.Zone();
    var members = Enumerable.Range(0, operations).Select(i => new MemberKey("bench", $"m{i}")).ToArray();
    foreach (var member in members)
    {
        await store.CreateAccountAsync(new MemberAccount { Key = member, RegisteredAt = DateTimeOffset.UtcNow }, [], [], CancellationToken.None);
    }

    var bench = new Bench(operations);
    await bench.RunAsync("warm-up", async i => await raw.GetEntityIfExistsAsync<TableEntity>($"warm{i}", "x"));

    var floor = await bench.RunAsync("(a) raw floor: point read + 4-entity batch", async i =>
    {
        var partition = $"raw{i}";
        await raw.GetEntityIfExistsAsync<TableEntity>(partition, "account");
        await raw.SubmitTransactionAsync(Enumerable.Range(0, 4).Select(r => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"r{r}") { ["V"] = r })));
    });

    var accrual = await bench.RunAsync("(b) purchase accrual through the ledger store", async i =>
    {
        var purchase = new Purchase($"o{i}", members[i].MemberId, "s1", [new PurchaseLine("sku", "food", 1, 128.50m)], 128.50m, 0, DateTimeOffset.UtcNow);
        var earned = EarningCalculator.Calculate(purchase, rules);
        var request = new EarnRequest(earned.Points, rules.Expiry.ExpiresAt(DateTimeOffset.UtcNow, zone), "purchase", purchase.OrderId, earned.Explanation) { Mergeable = false };
        var result = await ledger.ExecuteAsync(members[i], new EarnPoints(IdempotencyKeys.Purchase(purchase.OrderId), request), CancellationToken.None);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Error.Message);
        }
    });

    var reads = await bench.RunAsync("(c) balance read (account + lots)", async i =>
    {
        var state = await store.LoadAsync(members[i], CancellationToken.None) ?? throw new InvalidOperationException("missing member");
        _ = MemberSummary.From(state, DateTimeOffset.UtcNow);
    });

    await WeChatPushBench.RunAsync(bench, azurite, operations);

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio b/a: {accrual / floor:0.00} (accrual throughput as a share of the raw floor)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; Azurite in-memory, one sequential client"));
    _ = reads;
}
finally
{
    await azurite.DisposeAsync();
}
