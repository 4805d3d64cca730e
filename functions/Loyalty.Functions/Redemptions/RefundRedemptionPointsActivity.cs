using Loyalty.Core.Redemptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Redemptions;

/// <summary>Compensation: gives the debited points back with their original expiries.</summary>
public sealed class RefundRedemptionPointsActivity(RedemptionWorkflow workflow) : TaskActivity<RedemptionInput, StepOutcome>
{
    public const string Name = "RefundRedemptionPoints";

    [Function(Name)]
    public Task<StepOutcome> Run([ActivityTrigger] RedemptionInput input, CancellationToken cancellationToken) => workflow.RefundAsync(input, cancellationToken);

    public override Task<StepOutcome> RunAsync(TaskActivityContext context, RedemptionInput input) => workflow.RefundAsync(input, CancellationToken.None);
}
