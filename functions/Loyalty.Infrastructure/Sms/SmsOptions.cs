using Loyalty.Core.Common;
using Loyalty.Infrastructure.Settings;

namespace Loyalty.Infrastructure.Sms;

/// <summary>
/// Azure Communication Services for SMS. In Azure: <c>Sms__Endpoint</c> with the app's managed identity
/// (<c>Sms__credential</c>, <c>Sms__clientId</c>), no key anywhere. Elsewhere: a connection string as the section's own
/// value (<c>Sms=endpoint=...;accesskey=...</c>), signed with HMAC-SHA256. Neither: messages go to the SMS outbox.
/// </summary>
public sealed class SmsOptions : IServiceConnection
{
    public const string Section = "Sms";

    public static readonly Bound Attempts = new(1, 10);

    public static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan MaxRetryDelayLimit = TimeSpan.FromMinutes(5);

    /// <summary>The section's own value: a connection string (local and non-Azure setups); not a bound key.</summary>
    public string? ConnectionString { get; internal set; }

    string? IServiceConnection.ConnectionString { get => ConnectionString; set => ConnectionString = value; }

    /// <summary><c>https://name.communication.azure.com</c>, used with a managed identity.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>managedidentity</c> for the managed identity; otherwise the default credential chain unless a client id is set.</summary>
    public string? Credential { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The sender: an E.164 number or an alphanumeric sender id acquired in Communication Services (a program may name its own).</summary>
    public string? From { get; set; }

    /// <summary>Tries per message, the first included (429, 5xx and timeouts are retried).</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The first retry's backoff (doubled each time) when the service names no <c>Retry-After</c>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A longer <c>Retry-After</c> than this is not waited for in the call: the send is left for a later run.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => ConnectionString is not null || !string.IsNullOrWhiteSpace(Endpoint);

    public static bool IsEndpoint(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
