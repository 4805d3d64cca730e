using Loyalty.Core.Purchases;

namespace Loyalty.DevHost.Demo;

/// <summary>The seeder credits each order itself at its own date, so nothing goes to the live accrual queue.</summary>
public sealed class DiscardingAccrualQueue : IAccrualQueue
{
    public Task EnqueueAsync(AccrualMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
