using Loyalty.Core.Redemptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Redemptions;

/// <summary>
/// reserve stock → debit points → fulfil (→ wait for shipment) → notify. A failure compensates in reverse: refund the
/// points, release the stock. A business refusal (out of stock, insufficient points) is an outcome, not an exception;
/// an activity that keeps throwing after its retries counts as a failure of its step and is compensated the same way.
/// </summary>
public sealed class RedemptionOrchestrator : TaskOrchestrator<RedemptionInput, RedemptionStatus>
{
    public const string StepFailed = "step-failed";
    public const string ShippingDeadlinePassed = "shipping-deadline-passed";
    public const string CancelledByRequest = "cancelled";

    private static readonly TaskOptions StepRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    // Compensations must land: they retry longer, and if they still fail the instance fails visibly for an operator.
    private static readonly TaskOptions CompensationRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(8, TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    [Function(nameof(RedemptionOrchestrator))]
    public static Task<RedemptionStatus> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RedemptionOrchestrator().RunAsync(context, context.GetInput<RedemptionInput>()!);
    }

    public override async Task<RedemptionStatus> RunAsync(TaskOrchestrationContext context, RedemptionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var reserve = await StepAsync(context, ReserveGiftStockActivity.Name, input);
        if (reserve.FinishedAs is { } finished)
        {
            return finished;
        }

        if (!reserve.Succeeded)
        {
            // Refused: nothing was taken. Thrown: the reservation may have landed, so give it back.
            return reserve.Code == StepFailed
                ? await CompensateAsync(context, input, RedemptionStatus.Failed, reserve, refund: false)
                : await CloseAsync(context, input, RedemptionStatus.Failed, reserve);
        }

        var debit = await StepAsync(context, DebitRedemptionPointsActivity.Name, new DebitRequest(input, reserve.Points));
        if (!debit.Succeeded)
        {
            return await CompensateAsync(context, input, RedemptionStatus.Failed, debit, refund: debit.Code == StepFailed);
        }

        var fulfil = await StepAsync(context, FulfilRedemptionActivity.Name, input);
        if (!fulfil.Succeeded)
        {
            return await CompensateAsync(context, input, RedemptionStatus.Failed, fulfil, refund: true);
        }

        if (fulfil.AwaitsShipment)
        {
            var update = await WaitForShipmentAsync(context, input);
            await context.CallActivityAsync<StepOutcome>(RecordRedemptionShipmentActivity.Name, new ShipmentRecording(input, update), CompensationRetry);
            if (!update.Shipped)
            {
                var code = update.Reason == ShippingDeadlinePassed ? ShippingDeadlinePassed : CancelledByRequest;
                return await CompensateAsync(context, input, RedemptionStatus.Cancelled, StepOutcome.Fail(code, update.Reason ?? "Cancelled before shipping."), refund: true);
            }
        }

        // The gift is delivered: a notification that cannot be recorded is shown on its step, not undone.
        await StepAsync(context, NotifyRedemptionActivity.Name, input);
        return await CloseAsync(context, input, RedemptionStatus.Completed, StepOutcome.Ok());
    }

    private static async Task<ShipmentUpdate> WaitForShipmentAsync(TaskOrchestrationContext context, RedemptionInput input)
    {
        try
        {
            return await context.WaitForExternalEvent<ShipmentUpdate>(ShipmentUpdate.EventName, input.ShippingDeadline);
        }
        catch (TaskCanceledException)
        {
            return new ShipmentUpdate(false, null, null, ShippingDeadlinePassed);
        }
    }

    private static async Task<StepOutcome> StepAsync(TaskOrchestrationContext context, string activity, object input)
    {
        try
        {
            return await context.CallActivityAsync<StepOutcome>(activity, input, StepRetry);
        }
        catch (TaskFailedException ex)
        {
            return StepOutcome.Fail(StepFailed, $"{activity} failed: {ex.FailureDetails.ErrorMessage}");
        }
    }

    private static async Task<RedemptionStatus> CompensateAsync(TaskOrchestrationContext context, RedemptionInput input, RedemptionStatus status, StepOutcome failure, bool refund)
    {
        if (refund)
        {
            await context.CallActivityAsync<StepOutcome>(RefundRedemptionPointsActivity.Name, input, CompensationRetry);
        }

        await context.CallActivityAsync<StepOutcome>(ReleaseGiftStockActivity.Name, input, CompensationRetry);
        return await CloseAsync(context, input, status, failure);
    }

    private static async Task<RedemptionStatus> CloseAsync(TaskOrchestrationContext context, RedemptionInput input, RedemptionStatus status, StepOutcome outcome)
    {
        await context.CallActivityAsync<StepOutcome>(CloseRedemptionActivity.Name, new RedemptionClosing(input, status, outcome.Code, outcome.Message), CompensationRetry);
        return status;
    }
}
