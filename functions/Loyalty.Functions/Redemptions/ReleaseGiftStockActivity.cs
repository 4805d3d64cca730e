using Loyalty.Core.Redemptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Redemptions;

/// <summary>Compensation: returns the reserved unit to stock.</summary>
public sealed class ReleaseGiftStockActivity(RedemptionWorkflow workflow) : TaskActivity<RedemptionInput, StepOutcome>
{
    public const string Name = "ReleaseGiftStock";

    [Function(Name)]
    public Task<StepOutcome> Run([ActivityTrigger] RedemptionInput input, CancellationToken cancellationToken) => workflow.ReleaseAsync(input, cancellationToken);

    public override Task<StepOutcome> RunAsync(TaskActivityContext context, RedemptionInput input) => workflow.ReleaseAsync(input, CancellationToken.None);
}
