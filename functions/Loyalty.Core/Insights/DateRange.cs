using Loyalty.Core.Common;

namespace Loyalty.Core.Insights;

/// <summary>An inclusive range of local dates in the tenant's time zone: a report "from 2026-01-01 to 2026-01-31" covers 31 whole days.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    /// <summary>The longest range a report accepts (a little over five years).</summary>
    public const int MaxDays = 1900;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>The same number of days right before this range (a campaign's "before").</summary>
    public DateRange Preceding() => new(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>The 1st of every month the range touches, in order.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var month = MonthOf(From); month <= To; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>The range of instants from the start of <see cref="From"/> to the end of <see cref="To"/> in the tenant's zone (for the ledger queries of the flow report).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Instants(TimeZoneInfo zone) =>
        (TenantClock.StartOfDay(From, zone), TenantClock.EndOfDay(To, zone));

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>Refuses a range that ends before it starts or is longer than <see cref="MaxDays"/>, naming the request's <c>from</c>/<c>to</c>.</summary>
    public static IReadOnlyList<FieldError> Validate(DateOnly from, DateOnly to)
    {
        var errors = new FieldErrors();
        if (to < from)
        {
            errors.Add("to", "after-from", "to must not be before from.");
        }
        else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            errors.Add("to", "range-length", $"A report covers at most {MaxDays} days.");
        }

        return errors.ToList();
    }
}
