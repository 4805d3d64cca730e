namespace Loyalty.Core.Purchases;

public interface IAccrualQueue
{
    Task EnqueueAsync(AccrualMessage message, CancellationToken cancellationToken);
}
