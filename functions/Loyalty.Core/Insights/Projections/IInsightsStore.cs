namespace Loyalty.Core.Insights.Projections;

/// <summary>The projections' storage: per-member activity rows, per-day tenant rows and the projector's cursor, per tenant.</summary>
public interface IInsightsStore
{
    Task<ProjectorCursor?> GetCursorAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Saves the cursor if it still has <see cref="ProjectorCursor.ETag"/> (added when it has none); false when another projector moved it.</summary>
    Task<bool> TrySaveCursorAsync(string tenantId, ProjectorCursor cursor, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, MemberActivityRow>> GetMembersAsync(string tenantId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken);

    /// <summary>Writes the row if it still has its ETag (added when it has none); false when it changed.</summary>
    Task<bool> TrySaveMemberAsync(string tenantId, MemberActivityRow row, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<DateOnly, TenantDayRow>> GetDaysAsync(string tenantId, IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken);

    Task<bool> TrySaveDayAsync(string tenantId, TenantDayRow row, CancellationToken cancellationToken);

    /// <summary>The day rows inside <paramref name="range"/>, oldest first (days without any event have no row).</summary>
    Task<IReadOnlyList<TenantDay>> ListDaysAsync(string tenantId, DateRange range, CancellationToken cancellationToken);

    IAsyncEnumerable<MemberActivity> ListMembersAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Replaces every row of the tenant with these (a rebuild), then the cursor.</summary>
    Task ReplaceAsync(string tenantId, IReadOnlyList<MemberActivityRow> members, IReadOnlyList<TenantDayRow> days, ProjectorCursor cursor, CancellationToken cancellationToken);
}
