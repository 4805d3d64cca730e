using Microsoft.Extensions.Hosting;

namespace Loyalty.DevHost.Durable;

/// <summary>
/// The app's service provider for orchestrator factories, which the Durable registry calls without one. Registered as a
/// hosted service ahead of the Durable worker, so it is set before the first orchestration runs.
/// </summary>
public sealed class RootServices
{
    private IServiceProvider? _provider;

    public IServiceProvider Provider => _provider ?? throw new InvalidOperationException("The dev host has not started yet.");

    public sealed class Capture : IHostedService
    {
        public Capture(RootServices root, IServiceProvider provider)
        {
            ArgumentNullException.ThrowIfNull(root);
            root._provider = provider;
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
