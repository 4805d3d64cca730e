using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Events;
using Loyalty.Infrastructure.Outbox;
using Loyalty.Infrastructure.Storage;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;
using Loyalty.Testing.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Infrastructure.Tests.Outbox;

/// <summary>
/// The ledger with its outbox against Azurite, publishing through the real Service Bus publisher over the SDK's mockable
/// sender (<see cref="Broker"/>).
/// </summary>
internal sealed class OutboxRig
{
    public OutboxRig(AzuriteFixture azurite)
    {
        var storage = new StorageContext(azurite);
        Tables = storage.Tables;
        Store = new TableLedgerStore(Tables, storage.Cipher);
        Intents = new TableOutboxIntents(Tables, Time);
        Relay = new OutboxRelay(Tables, Intents, new ServiceBusEventPublisher(Broker.Sender, NullLogger<ServiceBusEventPublisher>.Instance), Feed, Time, NullLogger<OutboxRelay>.Instance);
        Ledger = new OutboxLedgerStore(Store, new TableOutbox(Intents, Relay));
        Service = new LedgerService(Ledger, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    public LoyaltyTables Tables { get; }

    public TableLedgerStore Store { get; }

    public TableOutboxIntents Intents { get; }

    public RecordingEventFeed Feed { get; } = new();

    public OutboxRelay Relay { get; }

    public OutboxLedgerStore Ledger { get; }

    public LedgerService Service { get; }

    public FakeServiceBusSender Broker { get; } = new();

    public bool BrokerDown { get => Broker.Down; set => Broker.Down = value; }

    /// <summary>What the broker accepted.</summary>
    public IReadOnlyList<ServiceBusMessage> Delivered => Broker.Accepted;

    public async Task<MemberKey> NewMemberAsync(ILedgerStore? store = null)
    {
        var key = new MemberKey("shop", "m-" + Guid.NewGuid().ToString("N")[..12]);
        Assert.True(await (store ?? Ledger).CreateAccountAsync(new MemberAccount { Key = key, RegisteredAt = Time.GetUtcNow() }, [], [], CancellationToken.None));
        return key;
    }

    public EarnRequest Earn(long points, string? reference = null) => new(points, Time.GetUtcNow().AddYears(1), "purchase", reference, null);

    /// <summary>The outbox rows still in the member's partition.</summary>
    public async Task<List<TableEntity>> OutboxRowsAsync(MemberKey member)
    {
        var table = await Tables.GetAsync(LoyaltyTables.Ledger);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(OutboxRows.PartitionFilter(member.PartitionKey)))
        {
            rows.Add(row);
        }

        return rows;
    }

    public async Task<int> IntentCountAsync()
    {
        var table = await Tables.GetAsync(LoyaltyTables.OutboxIntents);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}
