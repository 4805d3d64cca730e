namespace Loyalty.Core.Redemptions;

public interface INotificationOutbox
{
    /// <summary>Records the notification once; recording the same id again changes nothing.</summary>
    Task AddAsync(Notification notification, CancellationToken cancellationToken);

    Task<IReadOnlyList<Notification>> ListAsync(string tenantId, string memberId, CancellationToken cancellationToken);
}
