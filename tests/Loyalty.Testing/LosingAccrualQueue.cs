using Loyalty.Core.Purchases;

namespace Loyalty.Testing;

/// <summary>An accrual queue with a switch that loses messages, as a request that stops between its record and its enqueue does.</summary>
public sealed class LosingAccrualQueue(IAccrualQueue queue) : IAccrualQueue
{
    public bool Losing { get; set; }

    public Task EnqueueAsync(AccrualMessage message, CancellationToken cancellationToken) =>
        Losing ? Task.CompletedTask : queue.EnqueueAsync(message, cancellationToken);
}
