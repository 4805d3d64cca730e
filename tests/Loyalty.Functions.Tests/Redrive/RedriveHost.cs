using Loyalty.Core.Purchases;
using Loyalty.Functions.Tests.Support;
using Loyalty.Infrastructure.Queues;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions.Tests.Redrive;

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
