namespace Loyalty.Core.Webhooks;

public interface INonceStore
{
    /// <summary>Records that <paramref name="nonce"/> carried <paramref name="eventId"/>; returns the event id first recorded for it.</summary>
    Task<string> RecordAsync(string tenantId, string channel, string nonce, string eventId, CancellationToken cancellationToken);
}
