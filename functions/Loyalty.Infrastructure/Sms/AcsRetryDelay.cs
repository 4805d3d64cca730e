using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Loyalty.Infrastructure.Sms;

/// <summary>How long to wait before the next attempt: what the service asked for, else an exponential backoff.</summary>
public static class AcsRetryDelay
{
    private static readonly string[] MillisecondHeaders = ["retry-after-ms", "x-ms-retry-after-ms"];

    /// <summary>True for the answers worth another attempt: throttling and server faults.</summary>
    public static bool IsRetriable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The wait the response names (<c>retry-after-ms</c>, then <c>Retry-After</c> in seconds or as a date), or null.</summary>
    public static TimeSpan? Requested(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var name in MillisecondHeaders)
        {
            if (headers.TryGetValues(name, out var values) && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        return headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
    }

    /// <summary><paramref name="first"/> doubled for each attempt after the first, with up to a fifth more at random so callers spread out.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan first)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var wait = first * Math.Pow(2, Math.Min(attempt - 1, 10));
        return wait + (wait * (Random.Shared.NextDouble() / 5));
    }
}
