using System.Net;
using System.Net.Sockets;
using Loyalty.DevHost.Discovery;
using Loyalty.DevHost.Invocation;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.DevHost.Durable;

public static class DurableFunctions
{
    /// <summary>
    /// Runs the app's orchestrators and activities on the in-process Durable Task host (an in-memory backend behind a
    /// local gRPC sidecar) and registers its <c>DurableTaskClient</c> for <c>[DurableClient]</c>. Its state lives in
    /// memory: a restart forgets every orchestration.
    /// </summary>
    public static IServiceCollection AddDurableFunctions(this IServiceCollection services, FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var orchestrators = catalog.Of<OrchestrationFunctionTrigger>().Select(f => f.Function).ToList();
        var activities = catalog.Of<ActivityFunctionTrigger>().Select(f => f.Function).ToList();
        var root = new RootServices();
        services.AddSingleton(root);
        services.AddHostedService<RootServices.Capture>();
        services.AddInMemoryDurableTask(
            registry =>
            {
                foreach (var function in orchestrators)
                {
                    registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(function, root.Provider, root.Provider.GetRequiredService<FunctionInvoker>()));
                }

                foreach (var function in activities)
                {
                    registry.AddActivity(function.Name, sp => new FunctionActivity(function, sp, sp.GetRequiredService<FunctionInvoker>()));
                }
            },
            new InMemoryDurableTaskOptions { Port = FreeLoopbackPort() });
        return services;
    }

    /// <summary>True when the app has anything durable: orchestrations, activities or a function asking for a client.</summary>
    public static bool IsNeeded(FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Functions.Any(f =>
            f.Trigger is OrchestrationFunctionTrigger or ActivityFunctionTrigger
            || f.Method.GetParameters().Any(p => p.GetCustomAttributes(false).Any(a => a.GetType().Name == "DurableClientAttribute")));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
