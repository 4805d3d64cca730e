using System.Globalization;
using Loyalty.Core.Redemptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions.Redemptions;

public static class RedemptionConfiguration
{
    /// <summary><c>Redemptions:ShippingDeadline</c> (a TimeSpan, e.g. <c>14.00:00:00</c>) bounds how long a physical redemption waits to ship.</summary>
    public static IServiceCollection AddRedemptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var deadline = configuration["Redemptions:ShippingDeadline"] is { Length: > 0 } text
            ? TimeSpan.Parse(text, CultureInfo.InvariantCulture)
            : RedemptionSettings.Default.ShippingDeadline;
        return services.AddSingleton(new RedemptionSettings(deadline));
    }
}
