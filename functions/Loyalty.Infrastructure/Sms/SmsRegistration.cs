using Loyalty.Core.Reminders;
using Loyalty.Infrastructure.Identity;
using Loyalty.Infrastructure.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Sms;

public static class SmsRegistration
{
    private const string Section = SmsOptions.Section;

    /// <summary>
    /// The SMS sender: Communication Services with the managed identity (<c>Sms__Endpoint</c>) or an access key
    /// (<c>Sms</c> connection string), else the SMS outbox.
    /// </summary>
    public static IServiceCollection AddSmsSender(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindServiceConnection<SmsOptions>(configuration, Section, "SMS", "Endpoint", "Set it", "to keep messages in the SMS outbox")
            .Validate(
                o => o.ConnectionString is null || AcsConnectionString.Parse(o.ConnectionString) is not null,
                $"'{Section}' must be a Communication Services connection string: endpoint=https://<name>.communication.azure.com/;accesskey=<base64 key>.")
            .Validate(
                o => o.ConnectionString is null || string.IsNullOrWhiteSpace(o.Endpoint),
                $"'{Section}' (a connection string) and '{Section}__Endpoint' (managed identity) are both set: keep one.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.Endpoint) || SmsOptions.IsEndpoint(o.Endpoint),
                $"'{Section}__Endpoint' must be an absolute https URI such as https://<name>.communication.azure.com.")
            .Validate(
                o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.From),
                $"'{Section}__From' is not set: Communication Services needs a sender (an E.164 number or an alphanumeric sender id acquired on the resource).")
            .Validate(o => SmsOptions.Attempts.Contains(o.MaxAttempts), $"'{Section}__MaxAttempts' must be {SmsOptions.Attempts.Describe()}.")
            .Validate(
                o => o.AttemptTimeout > TimeSpan.Zero && o.AttemptTimeout <= SmsOptions.MaxAttemptTimeout,
                $"'{Section}__AttemptTimeout' must be a positive time span of at most {SmsOptions.MaxAttemptTimeout}.")
            .Validate(
                o => o.RetryDelay > TimeSpan.Zero && o.RetryDelay <= o.MaxRetryDelay && o.MaxRetryDelay <= SmsOptions.MaxRetryDelayLimit,
                $"'{Section}__RetryDelay' must be positive and at most '{Section}__MaxRetryDelay', which must be at most {SmsOptions.MaxRetryDelayLimit}.")
            .ValidateOnStart();

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value);
        services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<SmsOptions>() switch
        {
            { ConnectionString: { } value } options when AcsConnectionString.Parse(value) is { } parsed =>
                Acs(sp, options, parsed.Endpoint, new AcsKeyAuthorizer(parsed.AccessKey, sp.GetService<TimeProvider>() ?? TimeProvider.System)),
            { Endpoint: { } endpoint } options when options.IsConfigured =>
                Acs(sp, options, new Uri(endpoint), new AcsTokenAuthorizer(ConnectionCredential.Create(options.ClientId, options.Credential))),
            _ => ActivatorUtilities.CreateInstance<OutboxSmsSender>(sp),
        });
        return services;
    }

    private static AcsSmsSender Acs(IServiceProvider services, SmsOptions options, Uri endpoint, IAcsAuthorizer authorizer) =>
        new(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
            endpoint,
            authorizer,
            options,
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILogger<AcsSmsSender>>());
}
