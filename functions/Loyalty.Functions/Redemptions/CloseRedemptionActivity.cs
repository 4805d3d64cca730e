using Loyalty.Core.Redemptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Redemptions;

/// <summary>Activity: writes the redemption's final status.</summary>
public sealed class CloseRedemptionActivity(RedemptionWorkflow workflow) : TaskActivity<RedemptionClosing, StepOutcome>
{
    public const string Name = "CloseRedemption";

    [Function(Name)]
    public Task<StepOutcome> Run([ActivityTrigger] RedemptionClosing input, CancellationToken cancellationToken) => workflow.CloseAsync(input, cancellationToken);

    public override Task<StepOutcome> RunAsync(TaskActivityContext context, RedemptionClosing input) => workflow.CloseAsync(input, CancellationToken.None);
}
