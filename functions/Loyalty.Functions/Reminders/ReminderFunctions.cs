using Loyalty.Core.Common;
using Loyalty.Core.Reminders;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Loyalty.Functions.Members;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Reminders;

/// <summary>Pre-expiry SMS reminders (a timer) and, for admins, the SMS outbox that holds them where no SMS service is configured.</summary>
public sealed class ReminderFunctions(ApiEndpoint endpoint, ReminderService reminders, ISmsOutbox outbox, ILogger<ReminderFunctions> logger)
{
    public const int MaxPageSize = 100;

    // "code" is the Functions key when sent in the query rather than the header.
    private static readonly string[] OutboxQuery = ["pageSize", "continuationToken", "code"];

    /// <summary>Every 15 minutes (UTC): each tenant's reminders that are due by its own send time and quiet hours.</summary>
    [Function("SendExpiryReminders")]
    public async Task Timer([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        foreach (var run in await reminders.RunAllAsync(cancellationToken))
        {
            if (run.State is ReminderRunState.Done or ReminderRunState.Stopped && run.Outcomes.Count > 0)
            {
                logger.LogInformation(
                    "Reminders for {TenantId}: {State}, {Outcomes}",
                    run.TenantId,
                    run.State,
                    string.Join(", ", run.Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}")));
            }
        }
    }

    /// <summary>Newest first; every message here is marked as not sent (the recipient is masked).</summary>
    [Function("ListSmsOutbox")]
    public Task<IActionResult> Outbox(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/admin/sms-outbox")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            if (req.Query.Keys.FirstOrDefault(k => !OutboxQuery.Contains(k, StringComparer.Ordinal)) is { } unknown)
            {
                return Problem.Result(Error.BadRequest("invalid-query", $"Unknown parameter; the SMS outbox takes: {string.Join(", ", OutboxQuery[..^1])}.", unknown), req);
            }

            var page = LedgerQueryParser.ParsePage(req.Query, MaxPageSize);
            if (!page.IsSuccess)
            {
                return Problem.Result(page.Error, req);
            }

            var listed = await outbox.ListAsync(caller.TenantId, page.Value.Token, page.Value.PageSize, cancellationToken);
            return ApiResult.Ok(new SmsOutboxListing([.. listed.Items.Select(SmsOutboxView.Of)], listed.ContinuationToken));
        });
}

/// <summary>A page of the SMS outbox, newest first.</summary>
public sealed record SmsOutboxListing(IReadOnlyList<SmsOutboxView> Messages, string? ContinuationToken);

/// <summary>One message of the outbox as the API shows it (without the tenant id the caller already knows).</summary>
public sealed record SmsOutboxView(string Id, string? From, string To, string Text, string Tag, string Status, DateTimeOffset CreatedAt)
{
    public static SmsOutboxView Of(SmsOutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.From, entry.To, entry.Text, entry.Tag, entry.Status, entry.CreatedAt);
    }
}
