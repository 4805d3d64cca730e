using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Loyalty.Functions.Referrals;

/// <summary>
/// Starts and wakes referral drivers. One instance per referee (id from tenant and referee): a running one is left
/// alone, a finished or lost one is started afresh (the row says whether anything is left to do).
/// </summary>
public static class ReferralDrivers
{
    public static string InstanceId(string tenantId, string refereeId) => $"referral:{tenantId}:{refereeId}";

    /// <summary>Starts the driver unless one is running; true when this call started it.</summary>
    public static async Task<bool> EnsureRunningAsync(DurableTaskClient client, string tenantId, string refereeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instanceId = InstanceId(tenantId, refereeId);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended })
        {
            return false;
        }

        if (existing is not null)
        {
            await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ReferralOrchestrator), new ReferralInput(tenantId, refereeId), new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A concurrent start (registration, purchase, timer) won: one referee, one driver. Anything else is a fault.
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }

            return false;
        }
    }

    /// <summary>Tells the referee's driver a qualifying purchase was recorded; with no driver running, starts one (it reads the row).</summary>
    public static async Task WakeAsync(DurableTaskClient client, string tenantId, string refereeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!await EnsureRunningAsync(client, tenantId, refereeId, cancellationToken))
        {
            await client.RaiseEventAsync(InstanceId(tenantId, refereeId), ReferralOrchestrator.QualifiedEvent, refereeId, cancellationToken);
        }
    }
}
