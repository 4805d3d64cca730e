using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Insights;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Reports;

/// <summary>Reads <c>?from=2026-01-01&amp;to=2026-06-30</c>: local dates in the tenant's zone, both required, inclusive; a bad one is a 400 naming it.</summary>
public static class ReportRangeQuery
{
    private static readonly string[] Known = ["from", "to", "code"];

    public static Result<DateRange> Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Keys.FirstOrDefault(k => !Known.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return Error.BadRequest("invalid-query", $"Unknown parameter; a report takes: {string.Join(", ", Known[..^1])}.", unknown);
        }

        var from = ParseDate(query, "from");
        if (!from.IsSuccess)
        {
            return from.Error;
        }

        var to = ParseDate(query, "to");
        if (!to.IsSuccess)
        {
            return to.Error;
        }

        return DateRange.Validate(from.Value, to.Value) is [var first, ..]
            ? Error.BadRequest("invalid-range", first.Message, first.Field)
            : new DateRange(from.Value, to.Value);
    }

    private static Result<DateOnly> ParseDate(IQueryCollection query, string name) =>
        DateOnly.TryParseExact(query[name].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Error.BadRequest("invalid-query", $"{name} is required: a local date in the tenant's time zone, yyyy-MM-dd.", name);
}
