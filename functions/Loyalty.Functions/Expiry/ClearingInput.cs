using Loyalty.Core.Expiry;

namespace Loyalty.Functions.Expiry;

/// <summary>The orchestration's state, carried over <c>ContinueAsNew</c> page by page: where the index was left and what was done so far.</summary>
public sealed record ClearingInput(string TenantId, DateOnly Date)
{
    public bool Counted { get; init; }

    public string? Cursor { get; init; }

    public ClearingTally Done { get; init; } = ClearingTally.None;
}

public sealed record ClearingPageRequest(string TenantId, DateOnly Date, string? Cursor);

public sealed record ClearMembersRequest(string TenantId, DateOnly Date, IReadOnlyList<ExpiryIndexEntry> Rows);

public sealed record ClearingProgress(string TenantId, DateOnly Date, ClearingTally Done, bool Completed);
