using Loyalty.Core.Redemptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Redemptions;

/// <summary>Activity: debits the price from the member's ledger (idempotent by the ledger key of the redemption).</summary>
public sealed class DebitRedemptionPointsActivity(RedemptionWorkflow workflow) : TaskActivity<DebitRequest, StepOutcome>
{
    public const string Name = "DebitRedemptionPoints";

    [Function(Name)]
    public Task<StepOutcome> Run([ActivityTrigger] DebitRequest input, CancellationToken cancellationToken) => workflow.DebitAsync(input, cancellationToken);

    public override Task<StepOutcome> RunAsync(TaskActivityContext context, DebitRequest input) => workflow.DebitAsync(input, CancellationToken.None);
}
