using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Settings;

/// <summary>
/// The settings of an Azure service client reached either by its endpoint with an identity (<c>__credential</c>,
/// <c>__clientId</c>) or, outside Azure, by a connection string given as the section's own value.
/// </summary>
internal interface IServiceConnection
{
    string? ConnectionString { get; set; }

    string? Credential { get; }

    string? ClientId { get; }

    /// <summary>A connection string or an endpoint is set.</summary>
    bool IsConfigured { get; }
}

internal static class ServiceConnection
{
    /// <summary>
    /// Binds the section, reads its own value as the connection string, and refuses an identity given without the
    /// endpoint it is for (<paramref name="endpointSetting"/>): "<paramref name="service"/> is half configured".
    /// </summary>
    /// <param name="setIt">How the message asks for the endpoint ("Set it", with an example where one helps).</param>
    /// <param name="otherwise">What happens without the service ("to only log events").</param>
    public static OptionsBuilder<TOptions> BindServiceConnection<TOptions>(
        this IServiceCollection services, IConfiguration configuration, string section, string service, string endpointSetting, string setIt, string otherwise)
        where TOptions : class, IServiceConnection, new() =>
        services.BindSettings<TOptions>(configuration, section)
            .Configure(options => options.ConnectionString = StorageRegistration.ConnectionString(configuration, section))
            .Validate(
                o => o.IsConfigured || (string.IsNullOrEmpty(o.Credential) && string.IsNullOrEmpty(o.ClientId)),
                $"{service} is half configured: '{section}__credential'/'__clientId' are set but '{section}__{endpointSetting}' is not. {setIt}, or remove the others {otherwise}.");
}
