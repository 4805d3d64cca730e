using Loyalty.Core.Members;

namespace Loyalty.Core.Programs;

/// <summary>
/// Which members' tiers fall due for review when, so the daily review touches only them. It is an index: a missed
/// entry only delays the history line, because reads and writes evaluate a due review themselves.
/// </summary>
public interface ITierReviewSchedule
{
    Task ScheduleAsync(MemberKey member, DateTimeOffset reviewAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<TierReviewDue>> DueAsync(string tenantId, DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task CompleteAsync(TierReviewDue due, CancellationToken cancellationToken);
}

public sealed record TierReviewDue(MemberKey Member, DateTimeOffset ReviewAt);
