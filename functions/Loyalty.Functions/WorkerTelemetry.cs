using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;

namespace Loyalty.Functions;

/// <summary>
/// The worker's own logs and traces go straight to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING, and
/// APPLICATIONINSIGHTS_AUTHENTICATION_STRING for Entra ID), as in the Functions isolated-worker guide. Without a
/// connection string nothing is sent and the app runs as before.
/// </summary>
public static class WorkerTelemetry
{
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services)
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();

        // The SDK adds a rule that sends only Warning and above; without removing it the worker's Information logs
        // (an order credited, a message moved to the poison queue) never reach Application Insights. The levels then
        // follow the worker's Logging configuration (app settings Logging__LogLevel__<category>); host.json's
        // logging section governs only what the host itself logs.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var sdkDefault = options.Rules.FirstOrDefault(rule => rule.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName);
            if (sdkDefault is not null)
            {
                options.Rules.Remove(sdkDefault);
            }
        });
        return services;
    }
}
