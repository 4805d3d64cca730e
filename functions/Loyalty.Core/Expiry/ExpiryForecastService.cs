using System.Collections.Concurrent;
using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Expiry;

/// <summary>
/// The expiry forecast reads the index for the range, then each member's lots once, so it reports what the lots hold
/// now (points spent since the index row was written do not count).
/// </summary>
public sealed class ExpiryForecastService(IExpiryIndex index, ILedgerStore ledger, ProgramService programs, TimeProvider time)
{
    public static readonly Bound Days = new(1, 366);

    /// <summary>Index rows one forecast may read; a larger range is refused rather than left to time out.</summary>
    public const int MaxRows = 20_000;

    public async Task<Result<ExpiryForecast>> ForecastAsync(string tenantId, DateOnly? from, int? days, ForecastGrouping by, CancellationToken cancellationToken)
    {
        var length = days ?? 30;
        if (!Days.Contains(length))
        {
            return Error.Validation([Days.Violation("days")]);
        }

        var now = time.GetUtcNow();
        var zone = (await programs.GetAsync(tenantId, cancellationToken)).Rules.Zone();
        var first = from ?? TenantClock.LocalDate(now, zone);
        var last = first.AddDays(length - 1);
        var rows = await ReadIndexAsync(tenantId, ExpiryWindow.ForDays(first, last, zone), cancellationToken);
        if (rows is null)
        {
            return Error.Rule("forecast-too-large", $"More than {MaxRows} members have points expiring in this range; ask for fewer days.");
        }

        var window = ExpiryWindow.ForDays(first, last, zone);
        var lots = new ConcurrentBag<(string MemberId, string Period, long Points)>();
        await Parallel.ForEachAsync(
            rows.Select(r => r.MemberId).Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ClearingSettings.Default.Parallelism, CancellationToken = cancellationToken },
            async (memberId, ct) =>
            {
                var state = await ledger.LoadAsync(new MemberKey(tenantId, memberId), ct);
                foreach (var lot in state?.Lots.Where(l => l.Remaining > 0 && !l.IsExpired(now) && window.Contains(l.ExpiresAt)) ?? [])
                {
                    lots.Add((memberId, Period(ClearingSchedule.LastUsableDay(lot.ExpiresAt, zone), by), lot.Remaining));
                }
            });
        var periods = lots
            .GroupBy(l => l.Period, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ExpiryForecastPeriod(g.Key, g.Sum(l => l.Points), g.Select(l => l.MemberId).Distinct(StringComparer.Ordinal).Count()))
            .ToList();
        return new ExpiryForecast(first, last, by, periods);
    }

    private async Task<List<ExpiryIndexEntry>?> ReadIndexAsync(string tenantId, ExpiryWindow window, CancellationToken cancellationToken)
    {
        var rows = new List<ExpiryIndexEntry>();
        string? cursor = null;
        do
        {
            var page = await index.PageAsync(tenantId, window, cursor, 1000, cancellationToken);
            rows.AddRange(page.Entries);
            cursor = page.Cursor;
            if (rows.Count > MaxRows)
            {
                return null;
            }
        }
        while (cursor is not null);

        return rows;
    }

    private static string Period(DateOnly day, ForecastGrouping by) =>
        day.ToString(by == ForecastGrouping.Month ? "yyyy-MM" : ClearingRunIds.DateFormat, CultureInfo.InvariantCulture);
}
