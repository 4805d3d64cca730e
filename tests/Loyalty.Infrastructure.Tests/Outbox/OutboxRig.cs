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
using Moq;

namespace Loyalty.Infrastructure.Tests.Outbox;

/// <summary>
/// The ledger with its outbox against Azurite, publishing through the real Service Bus publisher over the SDK's mockable
/// sender. <see cref="BrokerDown"/> makes sends fail; <see cref="Delivered"/> holds what the broker accepted.
/// </summary>
internal sealed class OutboxRig
{
    private readonly Mock<ServiceBusSender> _sender = new(MockBehavior.Strict);
    private readonly List<ServiceBusMessage> _delivered = [];
    private readonly Dictionary<ServiceBusMessageBatch, List<ServiceBusMessage>> _batches = [];

    public OutboxRig(AzuriteFixture azurite)
    {
        var storage = new StorageContext(azurite);
        Tables = storage.Tables;
        Store = new TableLedgerStore(Tables, storage.Cipher);
        Intents = new TableOutboxIntents(Tables, Time);
        _sender.Setup(s => s.EntityPath).Returns("loyalty-events");
        _sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>())).Returns(() =>
        {
            var store = new List<ServiceBusMessage>();
            var batch = ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, store);
            lock (_batches)
            {
                _batches[batch] = store;
            }

            return ValueTask.FromResult(batch);
        });
        _sender.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>())).Returns<ServiceBusMessageBatch, CancellationToken>((batch, _) =>
        {
            if (BrokerDown)
            {
                return Task.FromException(new ServiceBusException("The broker did not answer.", ServiceBusFailureReason.ServiceTimeout));
            }

            lock (_batches)
            {
                _delivered.AddRange(_batches[batch]);
            }

            return Task.CompletedTask;
        });
        Relay = new OutboxRelay(Tables, Intents, new ServiceBusEventPublisher(_sender.Object, NullLogger<ServiceBusEventPublisher>.Instance), Feed, Time, NullLogger<OutboxRelay>.Instance);
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

    public bool BrokerDown { get; set; }

    public IReadOnlyList<ServiceBusMessage> Delivered
    {
        get
        {
            lock (_batches)
            {
                return [.. _delivered];
            }
        }
    }

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
