using Loyalty.Functions.Http;
using Loyalty.Functions.Redemptions;
using Loyalty.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions;

/// <summary>Everything the function classes need; the Functions host and the dev host both call this.</summary>
public static class FunctionServices
{
    public static IServiceCollection AddLoyaltyFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLoyaltyInfrastructure(configuration);
        services.AddSingleton<ApiAuthenticator>();
        services.AddSingleton<ApiEndpoint>();
        services.AddRedemptions(configuration);
        return services;
    }
}
