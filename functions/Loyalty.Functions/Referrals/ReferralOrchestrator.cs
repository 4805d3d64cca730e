using Loyalty.Core.Referrals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Referrals;

/// <summary>
/// One referee's referral driver (instance id from tenant and referee): ask the row what is next, then wait for the
/// qualifying-purchase event (at most until the deadline or the recheck), wait out the order's return window, or
/// reward; each round continues as new, so the history stays short and a lost event is caught by the next look.
/// </summary>
public sealed class ReferralOrchestrator : TaskOrchestrator<ReferralInput, string>
{
    /// <summary>Raised by the purchase path after a qualifying purchase's credit (and its note on the row) committed.</summary>
    public const string QualifiedEvent = "ReferralQualified";

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    [Function(nameof(ReferralOrchestrator))]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ReferralOrchestrator().RunAsync(context, context.GetInput<ReferralInput>()!);
    }

    public override async Task<string> RunAsync(TaskOrchestrationContext context, ReferralInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var step = await context.CallActivityAsync<ReferralStep>(ReviewReferralActivity.Name, input, Retry);
        switch (step.Kind)
        {
            case ReferralStepKind.WaitForPurchase:
                try
                {
                    await context.WaitForExternalEvent<string>(QualifiedEvent, step.Wait);
                }
                catch (TaskCanceledException)
                {
                    // No event by the recheck or the deadline: the next look at the row decides (expired, or qualified with the event lost).
                }

                context.ContinueAsNew(input);
                return Status(ReferralStatus.Waiting);
            case ReferralStepKind.WaitForOrder:
                await context.CreateTimer(step.Wait, CancellationToken.None);
                context.ContinueAsNew(input);
                return Status(ReferralStatus.Waiting);
            case ReferralStepKind.Reward:
                return Status(await context.CallActivityAsync<ReferralStatus?>(RewardReferralActivity.Name, input, Retry));
            default:
                return Status(step.Status);
        }
    }

    private static string Status(ReferralStatus? status) => status?.ToString().ToLowerInvariant() ?? "none";
}
