using Loyalty.Core.Redemptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Redemptions;

/// <summary>Activity: records the member's notification in the outbox (once per redemption).</summary>
public sealed class NotifyRedemptionActivity(RedemptionWorkflow workflow) : TaskActivity<RedemptionInput, StepOutcome>
{
    public const string Name = "NotifyRedemption";

    [Function(Name)]
    public Task<StepOutcome> Run([ActivityTrigger] RedemptionInput input, CancellationToken cancellationToken) => workflow.NotifyAsync(input, cancellationToken);

    public override Task<StepOutcome> RunAsync(TaskActivityContext context, RedemptionInput input) => workflow.NotifyAsync(input, CancellationToken.None);
}
