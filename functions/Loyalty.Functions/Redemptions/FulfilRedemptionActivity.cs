using Loyalty.Core.Redemptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Redemptions;

/// <summary>Activity: issues the code, coupon or voucher, or opens the shipment (idempotent: a stored fulfilment stands).</summary>
public sealed class FulfilRedemptionActivity(RedemptionWorkflow workflow) : TaskActivity<RedemptionInput, StepOutcome>
{
    public const string Name = "FulfilRedemption";

    [Function(Name)]
    public Task<StepOutcome> Run([ActivityTrigger] RedemptionInput input, CancellationToken cancellationToken) => workflow.FulfilAsync(input, cancellationToken);

    public override Task<StepOutcome> RunAsync(TaskActivityContext context, RedemptionInput input) => workflow.FulfilAsync(input, CancellationToken.None);
}
