using Loyalty.Core.Events;
using Microsoft.Extensions.Logging;

namespace Loyalty.Infrastructure.Events;

/// <summary>
/// Used when no Service Bus is configured (local runs, tests): nothing is sent anywhere; the relay still puts every
/// event in the pull feed (<c>GET /api/v1/admin/events</c>), and this only logs it at debug level, saying it was not
/// sent. Events carry ids and points only, never a phone number or name.
/// </summary>
public sealed class LoggingEventPublisher(ILogger<LoggingEventPublisher> logger) : ILoyaltyEventPublisher
{
    public Task PublishAsync(IReadOnlyList<LoyaltyEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            logger.LogDebug(
                "Loyalty event {Type} {EventId} for {TenantId}/{MemberId}: delta {Delta}, balance {BalanceAfter} (Service Bus not configured; not sent)",
                e.Type, e.EventId, e.TenantId, e.MemberId, e.Delta, e.BalanceAfter);
        }

        return Task.CompletedTask;
    }
}
