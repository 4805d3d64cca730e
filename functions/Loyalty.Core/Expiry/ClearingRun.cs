namespace Loyalty.Core.Expiry;

public enum ClearingRunStatus
{
    Running,
    Completed,
}

/// <summary>One tenant's clearing of one date: the points whose last usable local day it was. Its id is the date.</summary>
public sealed record ClearingRun
{
    public required string TenantId { get; init; }

    public required DateOnly Date { get; init; }

    public string RunId => ClearingRunIds.RunId(Date);

    public ClearingRunStatus Status { get; init; } = ClearingRunStatus.Running;

    /// <summary>Members in the expiry index for the date when the run counted them; null until then.</summary>
    public int? MembersTotal { get; init; }

    public int MembersDone { get; init; }

    public long PointsExpired { get; init; }

    /// <summary>Members that could not be cleared (their index rows stay, so another run retries them).</summary>
    public int Failures { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? ETag { get; init; }
}
