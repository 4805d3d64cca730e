using Loyalty.Core.Common;
using Loyalty.Core.Events;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Loyalty.Infrastructure.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Functions.Events;

/// <summary>The tenant's pull feed of loyalty events, for admins, and the daily timer that keeps it to its retention.</summary>
public sealed class EventFeedFunctions(
    ApiEndpoint endpoint,
    IEventFeed feed,
    IEventFeedRetention retention,
    IOptions<EventFeedOptions> options,
    TimeProvider time,
    ILogger<EventFeedFunctions> logger)
{
    /// <summary>Oldest first, in the order the events were appended; the cursor of the last page is where to poll from next.</summary>
    [Function("ListEvents")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/admin/events")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            var query = EventFeedQuery.Parse(req.Query);
            if (!query.IsSuccess)
            {
                return Problem.Result(query.Error, req);
            }

            try
            {
                var page = await feed.ReadAsync(caller.TenantId, query.Value.After, query.Value.PageSize, cancellationToken);
                return ApiResult.Ok(new EventFeedListing(page.Events, page.Cursor));
            }
            catch (InvalidContinuationTokenException)
            {
                return Problem.Result(EventFeedQuery.InvalidCursor, req);
            }
        });

    /// <summary>Daily at 03:40 UTC: removes what was appended more than <see cref="EventFeedOptions.RetentionDays"/> ago.</summary>
    [Function("PruneEventFeed")]
    public async Task Prune([TimerTrigger("0 40 3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var pruned = await retention.PruneAsync(before, cancellationToken);
        logger.LogInformation("Pruned {Count} events appended to the event feed before {Before:o}", pruned, before);
    }
}

/// <summary>A page of the tenant's event feed, oldest first. Pass <see cref="Cursor"/> as <c>after</c> to read on; an empty page still has one.</summary>
public sealed record EventFeedListing(IReadOnlyList<LoyaltyEvent> Events, string Cursor);
