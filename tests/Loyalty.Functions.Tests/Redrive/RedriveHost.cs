using Loyalty.Core.Purchases;
using Loyalty.Functions.Tests.Support;
using Loyalty.Infrastructure.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions.Tests.Redrive;

/// <summary>The accrual queue with a switch that loses messages, as a request that stops between its record and its enqueue does.</summary>
public sealed class LosingAccrualQueue(IAccrualQueue queue) : IAccrualQueue
{
    public bool Losing { get; set; }

    public Task EnqueueAsync(AccrualMessage message, CancellationToken cancellationToken) =>
        Losing ? Task.CompletedTask : queue.EnqueueAsync(message, cancellationToken);
}

/// <summary>The app over Azurite with <see cref="LosingAccrualQueue"/> in front of its real accrual queue.</summary>
public class RedriveHost : FunctionsHost
{
    public LosingAccrualQueue AccrualQueue => Services.GetRequiredService<LosingAccrualQueue>();

    protected override void Configure(IServiceCollection services)
    {
        services.AddSingleton(sp => new LosingAccrualQueue(ActivatorUtilities.CreateInstance<StorageAccrualQueue>(sp)));
        services.AddSingleton<IAccrualQueue>(sp => sp.GetRequiredService<LosingAccrualQueue>());
    }
}

/// <summary>As <see cref="RedriveHost"/>, with runs that look at two index rows at most.</summary>
public sealed class SmallRunRedriveHost : RedriveHost
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Redrive:MaxPerRun"] = "2";
    }
}
