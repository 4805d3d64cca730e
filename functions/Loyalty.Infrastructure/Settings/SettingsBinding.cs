using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Settings;

public static class SettingsBinding
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and records the binding as
    /// <see cref="BoundSettings"/>. Callers add their checks and <c>ValidateOnStart()</c>.
    /// </summary>
    public static OptionsBuilder<TOptions> BindSettings<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(section);
        services.AddSingleton(new BoundSettings(typeof(TOptions), section));
        return services.AddOptions<TOptions>().Bind(section.Length == 0 ? configuration : configuration.GetSection(section));
    }
}
