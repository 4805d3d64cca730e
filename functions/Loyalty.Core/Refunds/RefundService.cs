using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;
using Loyalty.Core.Redrive;

namespace Loyalty.Core.Refunds;

/// <summary>
/// Accepts refunds (validated against what the order bought and what was already refunded, then queued like
/// purchases) and applies them from the queue. Idempotent by refund id at every step: a retried submission
/// finishes whatever the first attempt left undone, and the ledger key makes a redelivered message apply once. A refund
/// is in the queued-work index from before its record until it is processed or failed, so one whose message was lost
/// is re-driven.
/// </summary>
public sealed class RefundService(
    IRefundStore refunds,
    IPurchaseStore purchases,
    IAccrualQueue queue,
    LedgerService ledger,
    ProgramService programs,
    IQueuedWorkIndex queuedWork,
    TimeProvider time,
    LedgerRetryPolicy? retryPolicy = null)
{
    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    public async Task<Result<RefundRecord>> SubmitAsync(string tenantId, RefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var fingerprint = Fingerprint(request);
        var existing = await refunds.GetAsync(tenantId, request.RefundId, cancellationToken);
        if (existing is not null && existing.Fingerprint != fingerprint)
        {
            return Error.Conflict("refund-conflict", $"Refund '{request.RefundId}' was already submitted with different contents.");
        }

        return await _retry.RunAsync<RefundRecord>(
            async () =>
            {
                var order = await purchases.GetAsync(tenantId, request.OrderId, cancellationToken);
                if (order is not null && order.Refunds.Contains(request.RefundId))
                {
                    // Accepted before (whatever happened to the order since): finish queueing it.
                    return await QueueAsync(existing ?? await refunds.GetAsync(tenantId, request.RefundId, cancellationToken), cancellationToken);
                }

                var refundable = Refundable(order, request.OrderId);
                if (!refundable.IsSuccess)
                {
                    return await AbandonAsync(existing, refundable.Error, cancellationToken);
                }

                var credited = refundable.Value;
                var calculated = RefundCalculator.Calculate(request, credited, time.GetUtcNow(), fingerprint);
                if (!calculated.IsSuccess)
                {
                    return await AbandonAsync(existing, calculated.Error, cancellationToken);
                }

                var refund = await SaveRefundAsync(existing, calculated.Value, cancellationToken);
                var applied = credited with
                {
                    RefundedCash = credited.RefundedCash + refund.CashRefunded,
                    RefundedQuantities = Merge(credited.RefundedQuantities, refund.Quantities),
                    PointsClawedBack = credited.PointsClawedBack + refund.PointsToClawBack,
                    PointsRestored = credited.PointsRestored + refund.PointsToRestore,
                    Refunds = [.. credited.Refunds, refund.RefundId],
                    RefundFigures = [.. credited.RefundFigures, new OrderRefund(refund.RefundId, refund.CashRefunded, refund.PointsToClawBack, refund.Restore)],
                };
                if (await purchases.TryUpdateAsync(applied, cancellationToken))
                {
                    return await QueueAsync(refund, cancellationToken);
                }

                existing = refund;
                return Attempt.Again;
            },
            "The order is being refunded by other requests; retry with the same refund id.",
            cancellationToken);
    }

    public Task<RefundRecord?> GetAsync(string tenantId, string refundId, CancellationToken cancellationToken) =>
        refunds.GetAsync(tenantId, refundId, cancellationToken);

    /// <summary>Applies a queued refund to the ledger. Safe to run any number of times.</summary>
    public async Task<RefundRecord?> ProcessAsync(AccrualMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var refund = await refunds.GetAsync(message.TenantId, message.RefundId!, cancellationToken);
        if (refund is not { Status: RefundStatus.Queued })
        {
            return refund;
        }

        var order = await purchases.GetAsync(message.TenantId, refund.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {refund.OrderId} of refund {refund.RefundId} is missing.");
        refund = Counted(refund, order);
        var program = await programs.GetAsync(message.TenantId, cancellationToken);
        var command = new RefundPurchase(refund, order.LotId, order.Purchase.OccurredAt, program.Rules) { ProgramVersion = program.Version };
        var result = await ledger.ExecuteAsync(new MemberKey(message.TenantId, refund.MemberId), command, cancellationToken);
        if (!result.IsSuccess && result.Error.Code == LedgerRetryPolicy.ConcurrentUpdate)
        {
            throw new InvalidOperationException($"Refund {refund.RefundId}: {result.Error.Message}");
        }

        var done = result.IsSuccess
            ? refund with
            {
                Status = RefundStatus.Processed,
                ProcessedAt = time.GetUtcNow(),
                EntryId = result.Value.Entry?.EntryId,
                DebtCreated = result.Value.Entry?.Details.TryGetValue("debtCreated", out var debt) == true ? long.Parse(debt, System.Globalization.CultureInfo.InvariantCulture) : 0,
            }
            : refund with { Status = RefundStatus.Failed, ProcessedAt = time.GetUtcNow(), Reason = result.Error.Message };
        var settled = await SettleAsync(done, cancellationToken);
        if (settled is not null && settled.Status != RefundStatus.Queued)
        {
            await queuedWork.RemoveAsync(QueuedWork.Refund(settled.TenantId, settled.RefundId, settled.ReceivedAt), cancellationToken);
        }

        return settled;
    }

    /// <summary>
    /// Records the outcome. A refund marked failed meanwhile (the re-driver gave up while this attempt was already past
    /// the ledger) takes the outcome too: the ledger has decided, and the record must say what it holds. Any other
    /// change in between (another attempt settled it) stands.
    /// </summary>
    private async Task<RefundRecord?> SettleAsync(RefundRecord done, CancellationToken cancellationToken)
    {
        var outcome = done;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await refunds.TryUpdateAsync(outcome, cancellationToken))
            {
                return outcome;
            }

            var current = await refunds.GetAsync(done.TenantId, done.RefundId, cancellationToken);
            if (current is not { Status: RefundStatus.Queued or RefundStatus.Failed })
            {
                return current;
            }

            outcome = done with { ETag = current.ETag };
        }

        return await refunds.GetAsync(done.TenantId, done.RefundId, cancellationToken);
    }

    /// <summary>
    /// The refund with the figures its order counted. A refund accepted before orders kept figures has none there: its
    /// claw-back stands, but it gives back no points, since the points it named came from the till, not the ledger.
    /// </summary>
    private static RefundRecord Counted(RefundRecord refund, PurchaseRecord order) =>
        order.RefundFigures.FirstOrDefault(f => f.RefundId == refund.RefundId) is { } counted
            ? refund with { CashRefunded = counted.Cash, PointsToClawBack = counted.ClawBack, PointsToRestore = counted.Restored, Restore = counted.Restore }
            : refund with { PointsToRestore = 0, Restore = [] };

    public async Task MarkFailedAsync(AccrualMessage message, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var refund = await refunds.GetAsync(message.TenantId, message.RefundId!, cancellationToken);
        if (refund is { Status: RefundStatus.Queued })
        {
            await FailAsync(refund, reason, cancellationToken);
        }
    }

    /// <summary>
    /// A refund record saved by an attempt whose order update lost the race, when the order can no longer take it
    /// (cancelled, or everything refunded meanwhile): it shows failed instead of waiting for a message never sent.
    /// </summary>
    private async Task<Error> AbandonAsync(RefundRecord? saved, Error error, CancellationToken cancellationToken)
    {
        if (saved is { Status: RefundStatus.Queued })
        {
            await FailAsync(saved, error.Message, cancellationToken);
        }

        return error;
    }

    private async Task FailAsync(RefundRecord refund, string reason, CancellationToken cancellationToken)
    {
        if (await refunds.TryUpdateAsync(refund with { Status = RefundStatus.Failed, ProcessedAt = time.GetUtcNow(), Reason = reason }, cancellationToken))
        {
            await queuedWork.RemoveAsync(QueuedWork.Refund(refund.TenantId, refund.RefundId, refund.ReceivedAt), cancellationToken);
        }
    }

    private async Task<RefundRecord> SaveRefundAsync(RefundRecord? existing, RefundRecord calculated, CancellationToken cancellationToken)
    {
        // The intent first (received now: a failed refund revived by this retry is not yet overdue), so a stop before
        // the message leaves the refund findable by the re-driver.
        await queuedWork.AddAsync(QueuedWork.Refund(calculated.TenantId, calculated.RefundId, calculated.ReceivedAt), cancellationToken);
        if (existing is null)
        {
            return await refunds.AddOrGetAsync(calculated, cancellationToken);
        }

        // The order changed since the refund was first stored (another refund landed): keep its figures current.
        var updated = calculated with { ETag = existing.ETag, ReceivedAt = existing.ReceivedAt };
        return await refunds.TryUpdateAsync(updated, cancellationToken)
            ? await refunds.GetAsync(calculated.TenantId, calculated.RefundId, cancellationToken) ?? updated
            : await refunds.GetAsync(calculated.TenantId, calculated.RefundId, cancellationToken) ?? existing;
    }

    private async Task<Result<RefundRecord>> QueueAsync(RefundRecord? refund, CancellationToken cancellationToken)
    {
        if (refund is null)
        {
            throw new InvalidOperationException("A refund recorded on its order has no refund record.");
        }

        if (refund.Status == RefundStatus.Queued)
        {
            await queue.EnqueueAsync(new AccrualMessage(refund.TenantId, refund.OrderId) { RefundId = refund.RefundId }, cancellationToken);
        }

        return refund;
    }

    private static Result<PurchaseRecord> Refundable(PurchaseRecord? order, string orderId) => order switch
    {
        null => Error.Rule("order-not-found", $"No order '{orderId}' was ever submitted, so nothing can be refunded."),
        { Status: PurchaseStatus.Queued } => Error.Conflict("purchase-not-processed", $"Order '{orderId}' is still being credited; retry the refund shortly."),
        { Status: PurchaseStatus.Cancelled } => Error.Rule("order-cancelled", $"Order '{orderId}' was cancelled; there is nothing to refund."),
        { Status: not PurchaseStatus.Credited } => Error.Rule("order-not-credited", $"Order '{orderId}' was never credited: {order.Reason}"),
        _ => order,
    };

    private static List<FieldError> Validate(RefundRequest request)
    {
        var errors = new List<FieldError>();
        if (!PurchaseValidator.IsValidOrderId(request.RefundId))
        {
            errors.Add(new FieldError("refundId", "pattern", "refundId is required: 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (!PurchaseValidator.IsValidOrderId(request.OrderId))
        {
            errors.Add(new FieldError("orderId", "pattern", "orderId is required: 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (request.Lines is not null && request.Amount is not null)
        {
            errors.Add(new FieldError("amount", "exclusive", "Give either lines or amount, not both."));
        }

        if (request.Amount is { } amount && (!RefundBounds.Amount.Contains(amount) || decimal.Round(amount, 2) != amount))
        {
            errors.Add(new FieldError("amount", "money", $"amount must be {RefundBounds.Amount.Describe()} with at most two decimals."));
        }

        if (request.Lines is { } lines && !RefundBounds.Lines.Contains(lines.Count))
        {
            errors.Add(RefundBounds.Lines.CountViolation("lines"));
            return errors;
        }

        for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
        {
            var line = request.Lines![i];
            if (string.IsNullOrWhiteSpace(line.Sku) || !TextBounds.Code.Contains(line.Sku))
            {
                errors.Add(new FieldError($"lines[{i}].sku", "required", "sku is required, at most 64 characters."));
            }

            if (!RefundBounds.Quantity.Contains(line.Quantity))
            {
                errors.Add(RefundBounds.Quantity.Violation($"lines[{i}].quantity"));
            }
        }

        return errors;
    }

    private static Dictionary<string, decimal> Merge(IReadOnlyDictionary<string, decimal> a, IReadOnlyDictionary<string, decimal> b) =>
        a.Keys.Union(b.Keys).ToDictionary(k => k, k => a.GetValueOrDefault(k) + b.GetValueOrDefault(k));

    private static string Fingerprint(RefundRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
}
