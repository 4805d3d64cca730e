using Loyalty.Core.Redemptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Redemptions;

/// <summary>Activity: takes one unit of stock for the redemption (idempotent per redemption).</summary>
public sealed class ReserveGiftStockActivity(RedemptionWorkflow workflow) : TaskActivity<RedemptionInput, StepOutcome>
{
    public const string Name = "ReserveGiftStock";

    [Function(Name)]
    public Task<StepOutcome> Run([ActivityTrigger] RedemptionInput input, CancellationToken cancellationToken) => workflow.ReserveAsync(input, cancellationToken);

    public override Task<StepOutcome> RunAsync(TaskActivityContext context, RedemptionInput input) => workflow.ReserveAsync(input, CancellationToken.None);
}
