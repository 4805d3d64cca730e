using Loyalty.Core.Expiry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Expiry;

/// <summary>
/// One tenant's clearing of one date (instance id from both, so a double start is a no-op): count the members in the
/// expiry index, then page by page fan the member ids out to activities of at most <see cref="MembersPerActivity"/>
/// members, record the progress, and continue as new with the next page so the history stays one page long.
/// </summary>
public sealed class ClearingOrchestrator : TaskOrchestrator<ClearingInput, ClearingTally>
{
    public const int MembersPerActivity = 100;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    [Function(nameof(ClearingOrchestrator))]
    public static Task<ClearingTally> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ClearingOrchestrator().RunAsync(context, context.GetInput<ClearingInput>()!);
    }

    public override async Task<ClearingTally> RunAsync(TaskOrchestrationContext context, ClearingInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (!input.Counted)
        {
            await context.CallActivityAsync<int>(CountClearingMembersActivity.Name, new ClearingPageRequest(input.TenantId, input.Date, null), Retry);
        }

        var page = await context.CallActivityAsync<ExpiryIndexPage>(ListClearingPageActivity.Name, new ClearingPageRequest(input.TenantId, input.Date, input.Cursor), Retry);
        var batches = page.Entries
            .GroupBy(e => e.MemberId, StringComparer.Ordinal)
            .Chunk(MembersPerActivity)
            .Select(members => ClearBatchAsync(context, new ClearMembersRequest(input.TenantId, input.Date, [.. members.SelectMany(m => m)])));
        var done = (await Task.WhenAll(batches)).Aggregate(input.Done, (sum, t) => sum.Add(t));
        var completed = page.Cursor is null;
        await context.CallActivityAsync<bool>(RecordClearingProgressActivity.Name, new ClearingProgress(input.TenantId, input.Date, done, completed), Retry);
        if (!completed)
        {
            context.ContinueAsNew(input with { Counted = true, Cursor = page.Cursor, Done = done });
        }

        return done;
    }

    /// <summary>A batch that keeps failing counts its members as failures; their index rows stay for another run.</summary>
    private static async Task<ClearingTally> ClearBatchAsync(TaskOrchestrationContext context, ClearMembersRequest request)
    {
        try
        {
            return await context.CallActivityAsync<ClearingTally>(ClearMembersActivity.Name, request, Retry);
        }
        catch (TaskFailedException)
        {
            return new ClearingTally(0, 0, request.Rows.Select(r => r.MemberId).Distinct(StringComparer.Ordinal).Count());
        }
    }
}
