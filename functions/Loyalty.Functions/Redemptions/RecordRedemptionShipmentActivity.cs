using Loyalty.Core.Redemptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Redemptions;

/// <summary>Activity: records the merchant's shipped or cancelled report.</summary>
public sealed class RecordRedemptionShipmentActivity(RedemptionWorkflow workflow) : TaskActivity<ShipmentRecording, StepOutcome>
{
    public const string Name = "RecordRedemptionShipment";

    [Function(Name)]
    public Task<StepOutcome> Run([ActivityTrigger] ShipmentRecording input, CancellationToken cancellationToken) => workflow.RecordShipmentAsync(input, cancellationToken);

    public override Task<StepOutcome> RunAsync(TaskActivityContext context, ShipmentRecording input) => workflow.RecordShipmentAsync(input, CancellationToken.None);
}
