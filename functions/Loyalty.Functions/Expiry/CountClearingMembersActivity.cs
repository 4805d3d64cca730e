using Loyalty.Core.Expiry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Expiry;

/// <summary>Activity: counts the members in the index for the date and writes the total on the run.</summary>
public sealed class CountClearingMembersActivity(ClearingService clearing) : TaskActivity<ClearingPageRequest, int>
{
    public const string Name = "CountClearingMembers";

    [Function(Name)]
    public Task<int> Run([ActivityTrigger] ClearingPageRequest input, CancellationToken cancellationToken) => CountAsync(input, cancellationToken);

    public override Task<int> RunAsync(TaskActivityContext context, ClearingPageRequest input) => CountAsync(input, CancellationToken.None);

    private Task<int> CountAsync(ClearingPageRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return clearing.CountAsync(input.TenantId, input.Date, cancellationToken);
    }
}
