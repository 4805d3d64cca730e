using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Tenants;

namespace Loyalty.Core.Expiry;

/// <summary>
/// Clearing: the members in the expiry index for a date each get one ledger batch that expires what is due, with one
/// <c>expire</c> entry per lot, keyed by the date (a rerun replays, changing nothing). Held points are not in the
/// member's lots, so an open POS hold keeps them. The orchestration drives the pages; this class does the work.
/// </summary>
public sealed class ClearingService(IExpiryIndex index, IClearingRunStore runs, LedgerService ledger, ProgramService programs, ITenantStore tenants, TimeProvider time, ClearingSettings? settings = null)
{
    public const int PageSize = 500;

    /// <summary>Members cleared at once inside one activity's batch of a page.</summary>
    public int Parallelism { get; } = (settings ?? ClearingSettings.Default).Parallelism;

    /// <summary>How far back a backlog run may reach.</summary>
    public const int MaxDaysBack = 3660;

    public const string TimerOperator = "clearing-timer";

    /// <summary>Each tenant's latest ended day and the one before (a missed hour around midnight is caught next time).</summary>
    public async Task<IReadOnlyList<(string TenantId, DateOnly Date)>> DueRunsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = new List<(string, DateOnly)>();
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            var program = await programs.GetAsync(tenant.TenantId, cancellationToken);
            var latest = ClearingSchedule.LatestClearableDay(now, program.Rules.Zone());
            due.Add((tenant.TenantId, latest.AddDays(-1)));
            due.Add((tenant.TenantId, latest));
        }

        return due;
    }

    /// <summary>Records a run for the date (default: the latest ended day), or returns the one already recorded.</summary>
    public async Task<Result<(ClearingRun Run, bool Added)>> BeginAsync(string tenantId, DateOnly? date, string requestedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zone = (await programs.GetAsync(tenantId, cancellationToken)).Rules.Zone();
        var latest = ClearingSchedule.LatestClearableDay(now, zone);
        var day = date ?? latest;
        if (day > latest)
        {
            return Error.Validation("date", "ended", $"date must be a day that has ended in the program's time zone: {ClearingRunIds.RunId(latest)} or earlier.");
        }

        if (day < latest.AddDays(-MaxDaysBack))
        {
            return Error.Validation("date", "minimum", $"date must be at most {MaxDaysBack} days back: {ClearingRunIds.RunId(latest.AddDays(-MaxDaysBack))} or later.");
        }

        var run = new ClearingRun { TenantId = tenantId, Date = day, RequestedBy = requestedBy, StartedAt = now, UpdatedAt = now };
        return await runs.AddOrGetAsync(run, cancellationToken);
    }

    public async Task<Result<ClearingRun>> GetAsync(string tenantId, string runId, CancellationToken cancellationToken) =>
        ClearingRunIds.TryParse(runId, out var date) && await runs.GetAsync(tenantId, date, cancellationToken) is { } run
            ? run
            : Error.NotFound("clearing-run-not-found", $"No clearing run '{runId}'.");

    public async Task<ExpiryWindow> WindowAsync(string tenantId, DateOnly date, CancellationToken cancellationToken) =>
        ExpiryWindow.ForDay(date, (await programs.GetAsync(tenantId, cancellationToken)).Rules.Zone());

    /// <summary>Counts the members in the index for the date and writes the total on the run.</summary>
    public async Task<int> CountAsync(string tenantId, DateOnly date, CancellationToken cancellationToken)
    {
        var window = await WindowAsync(tenantId, date, cancellationToken);
        var members = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await index.PageAsync(tenantId, window, cursor, 1000, cancellationToken);
            members.UnionWith(page.Entries.Select(e => e.MemberId));
            cursor = page.Cursor;
        }
        while (cursor is not null);

        await UpdateAsync(tenantId, date, run => run with { MembersTotal = members.Count }, cancellationToken);
        return members.Count;
    }

    public async Task<ExpiryIndexPage> PageAsync(string tenantId, DateOnly date, string? cursor, CancellationToken cancellationToken) =>
        await index.PageAsync(tenantId, await WindowAsync(tenantId, date, cancellationToken), cursor, PageSize, cancellationToken);

    /// <summary>
    /// Clears each member of the rows once, then removes the rows of the members it cleared together (one batch per
    /// index partition); a member that cannot be cleared keeps its rows and counts as a failure. A crash between the two
    /// leaves rows that the retried activity clears again (a replay) and removes.
    /// </summary>
    public async Task<ClearingTally> ClearAsync(string tenantId, DateOnly date, IReadOnlyList<ExpiryIndexEntry> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var results = new System.Collections.Concurrent.ConcurrentBag<(ClearingTally Tally, ExpiryIndexEntry[] Rows)>();
        await Parallel.ForEachAsync(
            rows.GroupBy(r => r.MemberId, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (member, ct) =>
            {
                var memberRows = member.ToArray();
                results.Add((await ClearMemberAsync(tenantId, date, memberRows[0].MemberId, ct), memberRows));
            });
        await index.RemoveAsync(tenantId, [.. results.Where(r => r.Tally.Failures == 0).SelectMany(r => r.Rows)], cancellationToken);
        return results.Aggregate(ClearingTally.None, (sum, r) => sum.Add(r.Tally));
    }

    private async Task<ClearingTally> ClearMemberAsync(string tenantId, DateOnly date, string memberId, CancellationToken cancellationToken)
    {
        var cleared = await ledger.ExecuteAsync(new MemberKey(tenantId, memberId), new ExpirePoints(ClearingRunIds.LedgerKey(date)) { Operator = "clearing" }, cancellationToken);
        if (!cleared.IsSuccess && !Members.MemberService.IsClosedOrMissing(cleared.Error))
        {
            return new ClearingTally(0, 0, 1);
        }

        var points = cleared.IsSuccess && !cleared.Value.Replayed
            ? -cleared.Value.Entries.Where(e => e.Type == LedgerEntryType.Expire).Sum(e => e.Delta)
            : 0;
        return new ClearingTally(1, points, 0);
    }

    /// <summary>Writes the run's progress as absolute figures (an activity retried writes the same values).</summary>
    public Task RecordAsync(string tenantId, DateOnly date, ClearingTally total, bool completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(total);
        var now = time.GetUtcNow();
        return UpdateAsync(
            tenantId,
            date,
            run => run with
            {
                MembersDone = total.Members,
                PointsExpired = total.PointsExpired,
                Failures = total.Failures,
                Status = completed ? ClearingRunStatus.Completed : ClearingRunStatus.Running,
                CompletedAt = completed ? now : null,
            },
            cancellationToken);
    }

    private async Task UpdateAsync(string tenantId, DateOnly date, Func<ClearingRun, ClearingRun> change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var run = await runs.GetAsync(tenantId, date, cancellationToken)
            ?? (await runs.AddOrGetAsync(new ClearingRun { TenantId = tenantId, Date = date, RequestedBy = TimerOperator, StartedAt = now }, cancellationToken)).Run;
        await runs.SaveAsync(change(run) with { UpdatedAt = now }, cancellationToken);
    }
}
