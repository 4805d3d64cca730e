using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Redrive;

namespace Loyalty.Core.Purchases;

/// <summary>
/// Accepts orders (recorded, then queued) and credits them from the queue. Nothing is lost: the record exists before
/// the message, a resubmission re-queues a record still waiting, and the ledger's idempotency key (the order id)
/// makes a message delivered twice credit once. The order is in the queued-work index from before its record until it
/// is settled, so an order whose message was lost (and whose client gave up) is re-driven rather than left queued.
/// </summary>
public sealed class PurchaseService(
    IPurchaseStore purchases,
    IAccrualQueue queue,
    ILedgerStore ledgerStore,
    LedgerService ledger,
    ProgramService programs,
    IQueuedWorkIndex queuedWork,
    TimeProvider time,
    LedgerRetryPolicy? retryPolicy = null)
{
    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    public async Task<Result<PurchaseRecord>> SubmitAsync(string tenantId, Purchase purchase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var now = time.GetUtcNow();
        var errors = PurchaseValidator.Validate(purchase, now).Union(PurchaseValidator.ValidatePayment(tenantId, purchase)).ToList();
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var record = new PurchaseRecord
        {
            TenantId = tenantId,
            Purchase = purchase,
            Fingerprint = Fingerprint(purchase),
            Status = PurchaseStatus.Queued,
            ReceivedAt = now,
        };
        var stored = await purchases.GetAsync(tenantId, purchase.OrderId, cancellationToken);
        if (stored is null)
        {
            var member = new MemberKey(tenantId, purchase.MemberId);
            if (MemberService.Refusal(member, await ledgerStore.GetAccountAsync(member, cancellationToken)) is { } refused)
            {
                return refused;
            }

            // Known now, so refused now: the processor checks the same rows again before it credits.
            var captured = await OrderHolds.ReadAsync(ledgerStore, tenantId, purchase, cancellationToken);
            if (!captured.IsSuccess)
            {
                return captured.Error;
            }

            // The intent first: a stop between the record and the message below leaves the order findable by the re-driver.
            await queuedWork.AddAsync(QueuedWork.Purchase(tenantId, purchase.OrderId, now), cancellationToken);
            stored = await purchases.AddOrGetAsync(record, cancellationToken);
        }

        if (stored.Fingerprint != record.Fingerprint)
        {
            return Error.Conflict("order-conflict", $"Order '{purchase.OrderId}' was already submitted with different contents.");
        }

        if (stored.Status == PurchaseStatus.Queued)
        {
            // Also on a resubmission: the first attempt may have stored the record and failed before queueing it.
            await queue.EnqueueAsync(new AccrualMessage(tenantId, purchase.OrderId), cancellationToken);
        }

        return stored;
    }

    public Task<PurchaseRecord?> GetAsync(string tenantId, string orderId, CancellationToken cancellationToken) =>
        purchases.GetAsync(tenantId, orderId, cancellationToken);

    /// <summary>Credits a queued order. Safe to run any number of times for the same message.</summary>
    public async Task<PurchaseRecord?> ProcessAsync(AccrualMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var record = await purchases.GetAsync(message.TenantId, message.OrderId, cancellationToken);
        if (record is null || record.Status != PurchaseStatus.Queued)
        {
            return record;
        }

        var program = await programs.GetAsync(message.TenantId, cancellationToken);
        var purchase = record.Purchase;
        var processed = record with { Attempts = record.Attempts + 1, ProcessedAt = time.GetUtcNow(), ProgramVersion = program.Version };
        var captured = await OrderHolds.ReadAsync(ledgerStore, message.TenantId, purchase, cancellationToken);
        if (!captured.IsSuccess)
        {
            return await SettleAsync(record, processed with { Status = PurchaseStatus.Rejected, Reason = captured.Error.Message }, cancellationToken);
        }

        var command = new CreditPurchase(purchase, program.Rules) { ProgramVersion = program.Version, Captured = captured.Value };
        var result = await ledger.ExecuteAsync(new MemberKey(message.TenantId, purchase.MemberId), command, cancellationToken);
        if (!result.IsSuccess && result.Error.Code == LedgerRetryPolicy.ConcurrentUpdate)
        {
            throw new InvalidOperationException($"Order {purchase.OrderId}: {result.Error.Message}");
        }

        if (!result.IsSuccess)
        {
            return await SettleAsync(record, processed with { Status = PurchaseStatus.Rejected, Reason = result.Error.Message }, cancellationToken);
        }

        var entry = result.Value.Entry;
        var lot = entry?.Lots.Keys.Single();
        var availableAt = entry is null ? null : AvailableAt(purchase, program, processed.ProcessedAt!.Value);
        return await SettleAsync(
            record,
            processed with
            {
                Status = PurchaseStatus.Credited,
                Captured = captured.Value,
                Points = entry?.Delta ?? 0,
                EntryId = entry?.EntryId,
                LotId = lot,
                AvailableAt = availableAt,
                CompletedAt = purchase.Completed ? purchase.OccurredAt : null,
                Reason = entry?.Reason ?? "No points: nothing in the order earns under the program.",
            },
            cancellationToken);
    }

    private static DateTimeOffset? AvailableAt(Purchase purchase, LoyaltyProgram program, DateTimeOffset processedAt)
    {
        if (!purchase.Completed)
        {
            return null;
        }

        var availableAt = purchase.OccurredAt.AddDays(program.Rules.Earning.ReturnWindowDays);
        return availableAt > processedAt ? availableAt : processedAt;
    }

    /// <summary>An order submitted as not complete has completed: its return window starts now.</summary>
    public async Task<Result<PurchaseRecord>> CompleteAsync(string tenantId, string orderId, CancellationToken cancellationToken)
    {
        var record = await CreditedOrderAsync(tenantId, orderId, cancellationToken);
        if (!record.IsSuccess)
        {
            return record;
        }

        var order = record.Value;
        if (order.CompletedAt is not null)
        {
            return order;
        }

        var program = await programs.GetAsync(tenantId, cancellationToken);
        var now = time.GetUtcNow();
        var availableAt = now.AddDays(program.Rules.Earning.ReturnWindowDays);
        if (order.LotId is not null)
        {
            var completed = await ledger.ExecuteAsync(new MemberKey(tenantId, order.Purchase.MemberId), new CompleteOrder(orderId, order.LotId, availableAt), cancellationToken);
            if (!completed.IsSuccess)
            {
                return completed.Error;
            }
        }

        return await ChangeAsync(order, o => o with { CompletedAt = now, AvailableAt = o.LotId is null ? null : availableAt }, cancellationToken);
    }

    /// <summary>
    /// An order that never completed was cancelled: its pending points are voided and the points paid with are given
    /// back. Completed orders use refunds. The figures are fixed on the order first (ETag-guarded), so a refund accepted
    /// meanwhile is either counted in them or refused as cancelled; then the ledger applies them once.
    /// </summary>
    public async Task<Result<PurchaseRecord>> CancelAsync(string tenantId, string orderId, CancellationToken cancellationToken)
    {
        return await _retry.RunAsync<PurchaseRecord>(
            async () =>
            {
                var stored = PurchaseValidator.IsValidOrderId(orderId) ? await purchases.GetAsync(tenantId, orderId, cancellationToken) : null;
                if (stored is { Status: PurchaseStatus.Cancelled })
                {
                    // A cancel whose ledger step did not finish is finished by the retry; orders cancelled before figures were recorded are done.
                    return stored.Cancellation is null ? stored : await VoidAsync(stored, cancellationToken);
                }

                var order = CancellableOrder(stored, orderId);
                if (!order.IsSuccess)
                {
                    return order;
                }

                var cancelled = order.Value with
                {
                    Status = PurchaseStatus.Cancelled,
                    Reason = "Cancelled before completion; pending points voided, points paid given back.",
                    AvailableAt = null,
                    Cancellation = OrderCancellation.Of(order.Value),
                    PointsClawedBack = order.Value.Points,
                    PointsRestored = order.Value.Captured.Points,
                };
                return await purchases.TryUpdateAsync(cancelled, cancellationToken) ? await VoidAsync(cancelled, cancellationToken) : Attempt.Again;
            },
            $"Order '{orderId}' is being changed by other requests; retry the cancel.",
            cancellationToken);
    }

    private async Task<Result<PurchaseRecord>> VoidAsync(PurchaseRecord cancelled, CancellationToken cancellationToken)
    {
        var program = await programs.GetAsync(cancelled.TenantId, cancellationToken);
        var purchase = cancelled.Purchase;
        var command = new VoidOrder(purchase.OrderId, cancelled.LotId, purchase.OccurredAt, cancelled.Cancellation!, program.Rules) { ProgramVersion = program.Version };
        var voided = await ledger.ExecuteAsync(new MemberKey(cancelled.TenantId, purchase.MemberId), command, cancellationToken);
        return voided.IsSuccess ? cancelled : voided.Error;
    }

    private static Result<PurchaseRecord> CancellableOrder(PurchaseRecord? stored, string orderId)
    {
        var credited = CreditedOrder(stored, orderId);
        return credited.IsSuccess && credited.Value.CompletedAt is not null
            ? Error.Conflict("order-completed", $"Order '{orderId}' is complete; return goods with POST /api/v1/refunds instead.")
            : credited;
    }

    private async Task<Result<PurchaseRecord>> CreditedOrderAsync(string tenantId, string orderId, CancellationToken cancellationToken) =>
        CreditedOrder(PurchaseValidator.IsValidOrderId(orderId) ? await purchases.GetAsync(tenantId, orderId, cancellationToken) : null, orderId);

    private static Result<PurchaseRecord> CreditedOrder(PurchaseRecord? order, string orderId) =>
        order switch
        {
            null => Error.NotFound("purchase-not-found", $"No purchase '{orderId}' was submitted."),
            { Status: PurchaseStatus.Queued } => Error.Conflict("purchase-not-processed", $"Order '{orderId}' is still being processed; try again shortly."),
            { Status: PurchaseStatus.Cancelled } => Error.Conflict("order-cancelled", $"Order '{orderId}' was cancelled."),
            { Status: not PurchaseStatus.Credited } => Error.Rule("order-not-credited", $"Order '{orderId}' was not credited: {order.Reason}"),
            _ => order,
        };

    /// <summary>Notes why the last attempt failed, so a message that ends in the poison queue leaves its reason behind.</summary>
    public async Task RecordFailedAttemptAsync(AccrualMessage message, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var record = await purchases.GetAsync(message.TenantId, message.OrderId, cancellationToken);
        if (record is { Status: PurchaseStatus.Queued })
        {
            await purchases.TryUpdateAsync(record with { Attempts = record.Attempts + 1, Reason = reason }, cancellationToken);
        }
    }

    /// <summary>Called for a message in the poison queue: the order shows failed with the last reason instead of silently waiting forever.</summary>
    public Task MarkFailedAsync(AccrualMessage message, CancellationToken cancellationToken) => MarkFailedAsync(message, null, cancellationToken);

    /// <summary>As for a poison message, with the <paramref name="reason"/> the re-driver gives when it stops re-driving the order.</summary>
    public async Task MarkFailedAsync(AccrualMessage message, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Giving up leaves the order queued with its last reason; the poison message is not retried from here.
        _ = await _retry.RunAsync<bool>(
            async () =>
            {
                var record = await purchases.GetAsync(message.TenantId, message.OrderId, cancellationToken);
                if (record is not { Status: PurchaseStatus.Queued })
                {
                    return true;
                }

                var failed = record with
                {
                    Status = PurchaseStatus.Failed,
                    ProcessedAt = time.GetUtcNow(),
                    Reason = reason ?? record.Reason ?? "Processing failed repeatedly; the message was moved to the poison queue.",
                };
                if (!await purchases.TryUpdateAsync(failed, cancellationToken))
                {
                    return Attempt.Again;
                }

                await queuedWork.RemoveAsync(QueuedWork.Purchase(record.TenantId, message.OrderId, record.ReceivedAt), cancellationToken);
                return true;
            },
            $"Order '{message.OrderId}' kept changing while it was marked failed.",
            cancellationToken);
    }

    /// <summary>
    /// Records the outcome of processing; a concurrent note of a failed attempt must not leave the order looking queued.
    /// An order marked failed meanwhile (the re-driver or the poison handler gave up while this attempt was already past
    /// the ledger) takes the outcome too: the ledger has decided, and the record must say what it holds.
    /// A settled order leaves the queued-work index.
    /// </summary>
    private async Task<PurchaseRecord> SettleAsync(PurchaseRecord record, PurchaseRecord outcome, CancellationToken cancellationToken)
    {
        var settled = await ChangeAsync(record, current => current.Status is PurchaseStatus.Queued or PurchaseStatus.Failed ? outcome with { ETag = current.ETag, Attempts = current.Attempts + 1 } : current, cancellationToken);
        await queuedWork.RemoveAsync(QueuedWork.Purchase(settled.TenantId, settled.Purchase.OrderId, settled.ReceivedAt), cancellationToken);
        return settled;
    }

    /// <summary>Applies a change that must not be lost to a concurrent update (a refund landing at the same moment): re-read and re-apply.</summary>
    private async Task<PurchaseRecord> ChangeAsync(PurchaseRecord record, Func<PurchaseRecord, PurchaseRecord> change, CancellationToken cancellationToken)
    {
        var current = record;
        return await _retry.RunOrThrowAsync<PurchaseRecord>(
            async () =>
            {
                var changed = change(current);
                if (await purchases.TryUpdateAsync(changed, cancellationToken))
                {
                    return changed;
                }

                current = await purchases.GetAsync(record.TenantId, record.Purchase.OrderId, cancellationToken)
                    ?? throw new InvalidOperationException($"Order {record.Purchase.OrderId} vanished.");
                return Attempt.Again;
            },
            $"Order {record.Purchase.OrderId} kept changing under the update.",
            cancellationToken);
    }

    private static string Fingerprint(Purchase purchase)
    {
        // The time is left out: a till that omits occurredAt gets "now" filled in, and its resend is still the same order.
        var canonical = JsonSerializer.Serialize(purchase with { OccurredAt = DateTimeOffset.UnixEpoch });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
