using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Expiry;

/// <summary>Activity: writes the run's progress (absolute figures, so a retry writes the same).</summary>
public sealed class RecordClearingProgressActivity(Core.Expiry.ClearingService clearing) : TaskActivity<ClearingProgress, bool>
{
    public const string Name = "RecordClearingProgress";

    [Function(Name)]
    public Task<bool> Run([ActivityTrigger] ClearingProgress input, CancellationToken cancellationToken) => RecordAsync(input, cancellationToken);

    public override Task<bool> RunAsync(TaskActivityContext context, ClearingProgress input) => RecordAsync(input, CancellationToken.None);

    private async Task<bool> RecordAsync(ClearingProgress input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await clearing.RecordAsync(input.TenantId, input.Date, input.Done, input.Completed, cancellationToken);
        return input.Completed;
    }
}
