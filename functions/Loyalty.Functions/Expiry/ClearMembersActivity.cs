using Loyalty.Core.Expiry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Expiry;

/// <summary>Activity: one ledger batch per member (keyed by the date, so a retried activity changes nothing twice).</summary>
public sealed class ClearMembersActivity(ClearingService clearing) : TaskActivity<ClearMembersRequest, ClearingTally>
{
    public const string Name = "ClearMembers";

    [Function(Name)]
    public Task<ClearingTally> Run([ActivityTrigger] ClearMembersRequest input, CancellationToken cancellationToken) => ClearAsync(input, cancellationToken);

    public override Task<ClearingTally> RunAsync(TaskActivityContext context, ClearMembersRequest input) => ClearAsync(input, CancellationToken.None);

    private Task<ClearingTally> ClearAsync(ClearMembersRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return clearing.ClearAsync(input.TenantId, input.Date, input.Rows, cancellationToken);
    }
}
