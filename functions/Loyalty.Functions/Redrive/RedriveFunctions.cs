using Loyalty.Core.Redrive;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Redrive;

public sealed class RedriveFunctions(QueuedWorkRedriver redriver, ILogger<RedriveFunctions> logger)
{
    /// <summary>
    /// Every minute: purchases and refunds still queued longer than <c>Redrive__After</c> have their accrual message
    /// sent again (the processor credits each once, so a double fire or a message that was only slow changes nothing twice).
    /// </summary>
    [Function("RedriveQueuedWork")]
    public async Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await redriver.RunAsync(cancellationToken);
        if (report.Redriven + report.Cleared + report.Failed.Count > 0)
        {
            logger.LogInformation("Queued work: {Redriven} re-driven, {Cleared} index rows cleared, {Failed} marked failed", report.Redriven, report.Cleared, report.Failed.Count);
        }

        foreach (var work in report.Failed)
        {
            logger.LogError("Queued work {Work} was marked failed: still queued after its re-drives, or a refund its order never recorded", work);
        }
    }
}
