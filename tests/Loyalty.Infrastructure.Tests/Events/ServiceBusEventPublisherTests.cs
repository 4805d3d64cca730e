using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Loyalty.Core.Events;
using Loyalty.Infrastructure.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Loyalty.Infrastructure.Tests.Events;

/// <summary>No Service Bus can run here, so the SDK's own mockable sender and batch model stand in for the broker.</summary>
public sealed class ServiceBusEventPublisherTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);

    private readonly Mock<ServiceBusSender> _sender = new(MockBehavior.Strict);
    private readonly List<List<ServiceBusMessage>> _sent = [];
    private int _batchesCreated;

    /// <param name="perBatch">How many messages fit in one batch before TryAddMessage says it is full.</param>
    private ServiceBusEventPublisher Publisher(int perBatch)
    {
        _sender.Setup(s => s.EntityPath).Returns("loyalty-events");
        _sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>())).Returns(() =>
        {
            _batchesCreated++;
            var store = new List<ServiceBusMessage>();
            var batch = ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, store, tryAddCallback: _ => store.Count < perBatch);
            _sent.Add(store);
            return ValueTask.FromResult(batch);
        });
        _sender.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        return new ServiceBusEventPublisher(_sender.Object, NullLogger<ServiceBusEventPublisher>.Instance);
    }

    private static LoyaltyEvent Event(string id, string type = LoyaltyEventTypes.PointsEarned, long delta = 120) => new()
    {
        EventId = id,
        Type = type,
        TenantId = "tea-house",
        MemberId = "m-1001",
        EntryId = id,
        Delta = delta,
        BalanceAfter = 500,
        OccurredAt = At,
        Reference = "A-1",
    };

    [Fact]
    public async Task Events_are_sent_in_one_batch_with_the_entry_id_as_message_id_and_the_type_as_subject()
    {
        var publisher = Publisher(perBatch: 100);

        await publisher.PublishAsync([Event("e1"), Event("e2", LoyaltyEventTypes.PointsSpent, -50)], CancellationToken.None);

        _sender.Verify(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()), Times.Once);
        var messages = Assert.Single(_sent);
        Assert.Equal(["e1", "e2"], messages.Select(m => m.MessageId));
        Assert.Equal(["points.earned", "points.spent"], messages.Select(m => m.Subject));
        Assert.All(messages, m => Assert.Equal("application/json", m.ContentType));
        Assert.All(messages, m => Assert.Equal("tea-house", m.ApplicationProperties["tenantId"]));
        Assert.Equal(["points.earned", "points.spent"], messages.Select(m => m.ApplicationProperties["type"]));
    }

    [Fact]
    public async Task The_body_is_the_event_as_camel_case_json()
    {
        var publisher = Publisher(perBatch: 100);

        await publisher.PublishAsync([Event("e1")], CancellationToken.None);

        var body = JsonNode.Parse(_sent.Single().Single().Body.ToString())!.AsObject();
        Assert.Equal("e1", body["eventId"]!.GetValue<string>());
        Assert.Equal("points.earned", body["type"]!.GetValue<string>());
        Assert.Equal("tea-house", body["tenantId"]!.GetValue<string>());
        Assert.Equal("m-1001", body["memberId"]!.GetValue<string>());
        Assert.Equal(120, body["delta"]!.GetValue<long>());
        Assert.Equal(500, body["balanceAfter"]!.GetValue<long>());
        Assert.Equal(At, body["occurredAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("A-1", body["reference"]!.GetValue<string>());
        Assert.False(body.ContainsKey("tier"), "Absent optional fields are left out, not sent as null.");
    }

    [Fact]
    public async Task A_full_batch_is_sent_and_the_rest_goes_in_the_next_one_in_order()
    {
        var publisher = Publisher(perBatch: 2);

        await publisher.PublishAsync([.. Enumerable.Range(1, 5).Select(i => Event($"e{i}"))], CancellationToken.None);

        _sender.Verify(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        Assert.Equal([2, 2, 1], _sent.Select(b => b.Count));
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], _sent.SelectMany(b => b).Select(m => m.MessageId));
    }

    [Fact]
    public async Task An_event_that_fits_no_batch_fails_instead_of_looping()
    {
        var publisher = Publisher(perBatch: 0);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync([Event("huge")], CancellationToken.None));

        Assert.Contains("huge", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _batchesCreated);
        _sender.Verify(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task No_events_send_nothing()
    {
        var publisher = Publisher(perBatch: 100);

        await publisher.PublishAsync([], CancellationToken.None);

        Assert.Equal(0, _batchesCreated);
    }

    [Fact]
    public async Task A_failed_send_surfaces_so_the_queue_message_is_retried()
    {
        var publisher = Publisher(perBatch: 100);
        _sender.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("broker busy", ServiceBusFailureReason.ServiceBusy));

        await Assert.ThrowsAsync<ServiceBusException>(() => publisher.PublishAsync([Event("e1")], CancellationToken.None));
    }

    [Fact]
    public async Task Publishing_the_same_events_again_sends_the_same_message_ids_and_bodies()
    {
        var publisher = Publisher(perBatch: 100);
        IReadOnlyList<LoyaltyEvent> events = [Event("e1"), Event("e2")];

        await publisher.PublishAsync(events, CancellationToken.None);
        await publisher.PublishAsync(events, CancellationToken.None);

        Assert.Equal(_sent[0].Select(m => m.MessageId), _sent[1].Select(m => m.MessageId));
        Assert.Equal(_sent[0].Select(m => m.Body.ToString()), _sent[1].Select(m => m.Body.ToString()));
    }
}
