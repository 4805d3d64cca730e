namespace Loyalty.Core.Reminders;

/// <summary>The reminders sent or being sent, one row per member, last usable day and offset.</summary>
public interface ISmsSendLog
{
    /// <summary>Adds the record, or returns the one already there for its key (then <c>Added</c> is false).</summary>
    Task<(SmsSendRecord Record, bool Added)> BeginAsync(SmsSendRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces the record if its ETag still matches; false when another run changed it first.</summary>
    Task<bool> TrySaveAsync(SmsSendRecord record, CancellationToken cancellationToken);

    /// <summary>Every record of the member (erasure).</summary>
    Task<IReadOnlyList<SmsSendRecord>> ListAsync(string tenantId, string memberId, CancellationToken cancellationToken);

    /// <summary>Safe to repeat.</summary>
    Task RemoveAsync(SmsSendRecord record, CancellationToken cancellationToken);
}
