using System.Net;
using Loyalty.Infrastructure.Sms;

namespace Loyalty.Infrastructure.Tests.Sms;

public sealed class AcsRetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 6, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    [Fact]
    public void Retry_after_in_seconds_as_a_date_and_in_milliseconds_are_read()
    {
        using var seconds = Response(("Retry-After", "7"));
        using var date = Response(("Retry-After", Now.AddSeconds(20).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        using var ms = Response(("retry-after-ms", "250"), ("Retry-After", "9"));
        using var none = Response();

        Assert.Equal(TimeSpan.FromSeconds(7), AcsRetryDelay.Requested(seconds.Headers, Now));
        Assert.Equal(TimeSpan.FromSeconds(20), AcsRetryDelay.Requested(date.Headers, Now));
        Assert.Equal(TimeSpan.FromMilliseconds(250), AcsRetryDelay.Requested(ms.Headers, Now));
        Assert.Null(AcsRetryDelay.Requested(none.Headers, Now));
    }

    [Fact]
    public void Backoff_doubles_with_a_little_jitter_and_only_throttling_and_server_faults_are_retried()
    {
        var first = TimeSpan.FromSeconds(1);

        Assert.InRange(AcsRetryDelay.Backoff(1, first), first, first * 1.2);
        Assert.InRange(AcsRetryDelay.Backoff(3, first), first * 4, first * 4.8);
        Assert.True(AcsRetryDelay.IsRetriable(HttpStatusCode.TooManyRequests));
        Assert.True(AcsRetryDelay.IsRetriable(HttpStatusCode.ServiceUnavailable));
        Assert.False(AcsRetryDelay.IsRetriable(HttpStatusCode.BadRequest));
        Assert.False(AcsRetryDelay.IsRetriable(HttpStatusCode.Unauthorized));
    }
}
