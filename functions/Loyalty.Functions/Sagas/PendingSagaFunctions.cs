using Loyalty.Core.Sagas;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Sagas;

public sealed class PendingSagaFunctions(PendingSagaTidyUp tidyUp, ILogger<PendingSagaFunctions> logger)
{
    /// <summary>
    /// Every 5 minutes: transfers and draws left between steps for longer than the grace period are finished or
    /// compensated. Every step is idempotent, so a double fire or a racing client retry changes nothing twice.
    /// </summary>
    [Function("TidyUpPendingSagas")]
    public async Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await tidyUp.RunAsync(cancellationToken);
        logger.LogInformation("Pending sagas: {Finished} finished, {StillPending} still pending, {Dropped} dropped", report.Finished, report.StillPending, report.Dropped);
    }
}
