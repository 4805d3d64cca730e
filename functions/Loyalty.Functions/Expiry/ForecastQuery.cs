using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Expiry;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Expiry;

/// <summary><c>?from=yyyy-MM-dd&amp;days=1-366&amp;by=day|month</c> of <c>GET /api/v1/admin/expiry-forecast</c>.</summary>
public sealed record ForecastQuery(DateOnly? From, int? Days, ForecastGrouping By)
{
    public static Result<ForecastQuery> Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<FieldError>();
        DateOnly? from = null;
        if (query["from"].ToString() is { Length: > 0 } f)
        {
            if (DateOnly.TryParseExact(f, ClearingRunIds.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                from = parsed;
            }
            else
            {
                errors.Add(new FieldError("from", "format", "from must be a date, yyyy-MM-dd."));
            }
        }

        int? days = null;
        if (query["days"].ToString() is { Length: > 0 } d)
        {
            if (int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && ExpiryForecastService.Days.Contains(parsed))
            {
                days = parsed;
            }
            else
            {
                errors.Add(ExpiryForecastService.Days.Violation("days"));
            }
        }

        var by = ForecastGrouping.Day;
        if (query["by"].ToString() is { Length: > 0 } b && !Enum.TryParse(b, ignoreCase: true, out by))
        {
            errors.Add(new FieldError("by", "enum", "by must be day or month."));
        }

        return errors.Count > 0 ? Error.Validation(errors) : new ForecastQuery(from, days, by);
    }
}
