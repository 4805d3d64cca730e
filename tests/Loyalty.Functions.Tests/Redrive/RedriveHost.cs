using Loyalty.Core.Purchases;
using Loyalty.Core.Refunds;
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

/// <summary>
/// As <see cref="RedriveHost"/>, with a purchase store that can run <see cref="GivingUpPurchaseStore.BeforeSettle"/> just
/// before an order's outcome is written: the moment a re-driver giving up would race a processor already past the ledger.
/// </summary>
public sealed class GivingUpRedriveHost : RedriveHost
{
    public GivingUpPurchaseStore Purchases => Services.GetRequiredService<GivingUpPurchaseStore>();

    public GivingUpRefundStore Refunds => Services.GetRequiredService<GivingUpRefundStore>();

    protected override void Configure(IServiceCollection services)
    {
        base.Configure(services);
        services.AddSingleton(sp => new GivingUpPurchaseStore(ActivatorUtilities.CreateInstance<Loyalty.Infrastructure.Tables.TablePurchaseStore>(sp)));
        services.AddSingleton<IPurchaseStore>(sp => sp.GetRequiredService<GivingUpPurchaseStore>());
        services.AddSingleton(sp => new GivingUpRefundStore(ActivatorUtilities.CreateInstance<Loyalty.Infrastructure.Tables.TableRefundStore>(sp)));
        services.AddSingleton<IRefundStore>(sp => sp.GetRequiredService<GivingUpRefundStore>());
    }
}

public sealed class GivingUpPurchaseStore(IPurchaseStore inner) : IPurchaseStore
{
    /// <summary>Runs once, before the first write of a settled (non-queued, non-failed) record.</summary>
    public Func<Task>? BeforeSettle { get; set; }

    public Task<PurchaseRecord> AddOrGetAsync(PurchaseRecord record, CancellationToken cancellationToken) => inner.AddOrGetAsync(record, cancellationToken);

    public Task<PurchaseRecord?> GetAsync(string tenantId, string orderId, CancellationToken cancellationToken) => inner.GetAsync(tenantId, orderId, cancellationToken);

    public async Task<bool> TryUpdateAsync(PurchaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status is not (PurchaseStatus.Queued or PurchaseStatus.Failed) && BeforeSettle is { } hook)
        {
            BeforeSettle = null;
            await hook();
        }

        return await inner.TryUpdateAsync(record, cancellationToken);
    }
}

/// <summary>The refund store's counterpart of <see cref="GivingUpPurchaseStore"/>.</summary>
public sealed class GivingUpRefundStore(IRefundStore inner) : IRefundStore
{
    /// <summary>Runs once, before the first write of a processed record.</summary>
    public Func<Task>? BeforeSettle { get; set; }

    public Task<RefundRecord> AddOrGetAsync(RefundRecord record, CancellationToken cancellationToken) => inner.AddOrGetAsync(record, cancellationToken);

    public Task<RefundRecord?> GetAsync(string tenantId, string refundId, CancellationToken cancellationToken) => inner.GetAsync(tenantId, refundId, cancellationToken);

    public async Task<bool> TryUpdateAsync(RefundRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status == RefundStatus.Processed && BeforeSettle is { } hook)
        {
            BeforeSettle = null;
            await hook();
        }

        return await inner.TryUpdateAsync(record, cancellationToken);
    }
}
