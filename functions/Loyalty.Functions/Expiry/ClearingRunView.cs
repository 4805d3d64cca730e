using Loyalty.Core.Expiry;

namespace Loyalty.Functions.Expiry;

/// <summary>What <c>GET /api/v1/admin/clearing-runs/{runId}</c> shows: the run's progress and its orchestration's status.</summary>
public sealed record ClearingRunView(
    string RunId,
    DateOnly Date,
    ClearingRunStatus Status,
    int? MembersTotal,
    int MembersDone,
    long PointsExpired,
    int Failures,
    string RequestedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    string? RuntimeStatus,
    string StatusUrl)
{
    public static ClearingRunView From(ClearingRun run, string? runtimeStatus)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.RunId,
            run.Date,
            run.Status,
            run.MembersTotal,
            run.MembersDone,
            run.PointsExpired,
            run.Failures,
            run.RequestedBy,
            run.StartedAt,
            run.UpdatedAt,
            run.CompletedAt,
            runtimeStatus,
            $"/api/v1/admin/clearing-runs/{run.RunId}");
    }
}

/// <summary><c>POST /api/v1/admin/clearing-runs</c>: the date to clear (default: the latest day that has ended).</summary>
public sealed record ClearingRunRequest(DateOnly? Date);
