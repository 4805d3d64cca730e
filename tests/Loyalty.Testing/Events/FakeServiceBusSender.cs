using Azure.Messaging.ServiceBus;
using Moq;

namespace Loyalty.Testing.Events;

/// <summary>
/// The SDK's mockable <see cref="ServiceBusSender"/> standing in for the broker (none runs here). Every batch handed to
/// it is kept with whether it was accepted; <see cref="Down"/> fails every send and <see cref="FailNextSends"/> the next
/// few, the way a timeout does (the broker may or may not have taken them).
/// </summary>
public sealed class FakeServiceBusSender
{
    private readonly Mock<ServiceBusSender> _mock = new(MockBehavior.Strict);
    private readonly Dictionary<ServiceBusMessageBatch, List<ServiceBusMessage>> _batches = [];
    private readonly List<(List<ServiceBusMessage> Messages, bool Accepted)> _sent = [];
    private int _failNextSends;

    public FakeServiceBusSender()
    {
        _mock.Setup(s => s.EntityPath).Returns("loyalty-events");
        _mock.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>())).Returns(() =>
        {
            var store = new List<ServiceBusMessage>();
            var batch = ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, store);
            lock (_sent)
            {
                _batches[batch] = store;
            }

            return ValueTask.FromResult(batch);
        });
        _mock.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>())).Returns<ServiceBusMessageBatch, CancellationToken>((batch, _) =>
        {
            var fail = Down || Interlocked.Decrement(ref _failNextSends) >= 0;
            lock (_sent)
            {
                _sent.Add((_batches[batch], !fail));
            }

            return fail
                ? Task.FromException(new ServiceBusException("The operation did not complete within the allotted timeout.", ServiceBusFailureReason.ServiceTimeout))
                : Task.CompletedTask;
        });
    }

    public ServiceBusSender Sender => _mock.Object;

    public bool Down { get; set; }

    public int FailNextSends { set => Volatile.Write(ref _failNextSends, value); }

    /// <summary>Every batch handed to the sender, in order, whether the send failed or not.</summary>
    public IReadOnlyList<(List<ServiceBusMessage> Messages, bool Accepted)> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Messages the broker accepted (before its duplicate detection, which would drop a repeated MessageId).</summary>
    public IReadOnlyList<ServiceBusMessage> Accepted => [.. Sent.Where(s => s.Accepted).SelectMany(s => s.Messages)];
}
