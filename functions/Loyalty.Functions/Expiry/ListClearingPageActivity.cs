using Loyalty.Core.Expiry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Expiry;

/// <summary>Activity: the next page of the index for the date (member ids and expiry instants, no ledger data).</summary>
public sealed class ListClearingPageActivity(ClearingService clearing) : TaskActivity<ClearingPageRequest, ExpiryIndexPage>
{
    public const string Name = "ListClearingPage";

    [Function(Name)]
    public Task<ExpiryIndexPage> Run([ActivityTrigger] ClearingPageRequest input, CancellationToken cancellationToken) => PageAsync(input, cancellationToken);

    public override Task<ExpiryIndexPage> RunAsync(TaskActivityContext context, ClearingPageRequest input) => PageAsync(input, CancellationToken.None);

    private Task<ExpiryIndexPage> PageAsync(ClearingPageRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return clearing.PageAsync(input.TenantId, input.Date, input.Cursor, cancellationToken);
    }
}
