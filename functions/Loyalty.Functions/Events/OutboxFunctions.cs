using Loyalty.Core.Events;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Events;

public sealed class OutboxFunctions(IOutboxRelay relay, ILogger<OutboxFunctions> logger)
{
    /// <summary>
    /// Every minute: publishes outbox rows the request's own relay left behind (a crash after the commit, a broker or
    /// feed outage), found through the intent index rather than a scan of members. Publishing twice is harmless: the
    /// feed keeps an event id once and the topic drops a repeated MessageId.
    /// </summary>
    [Function("RelayOutbox")]
    public async Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var relayed = await relay.RelayLeftoversAsync(cancellationToken);
        if (relayed > 0)
        {
            logger.LogInformation("Outbox: {Relayed} loyalty events relayed late", relayed);
        }
    }
}
