using Loyalty.Core.Purchases;
using Loyalty.Core.Refunds;

namespace Loyalty.Core.Redrive;

/// <summary>
/// Sends the accrual message again for purchases and refunds still queued <see cref="RedriveSettings.After"/> after
/// they were received: the request that accepted them may have stopped between writing the record and queueing it, and
/// its client given up. The message is the one the request sends, and the processor credits it once however often it
/// arrives, so a message that was only slow costs a no-op. Found through the index, never by reading every record.
/// </summary>
public sealed class QueuedWorkRedriver(
    IQueuedWorkIndex index,
    IPurchaseStore purchases,
    IRefundStore refunds,
    IAccrualQueue queue,
    PurchaseService purchaseService,
    RefundService refundService,
    RedriveSettings settings,
    TimeProvider time)
{
    public async Task<RedriveReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = RedriveReport.Empty;
        foreach (var work in await index.ListDueAsync(now - settings.After, now, settings.MaxPerRun, cancellationToken))
        {
            var outcome = await RedriveAsync(work, now, cancellationToken);
            report = outcome switch
            {
                Outcome.Redriven => report with { Redriven = report.Redriven + 1 },
                Outcome.Cleared => report with { Cleared = report.Cleared + 1 },
                Outcome.Failed => report with { Failed = [.. report.Failed, $"{work.Kind.ToString().ToLowerInvariant()}:{work.TenantId}:{work.Id}"] },
                _ => report,
            };
        }

        return report;
    }

    private async Task<Outcome> RedriveAsync(QueuedWork work, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(work, cancellationToken);
        if (pending is null)
        {
            await index.RemoveAsync(work, cancellationToken);
            return Outcome.Cleared;
        }

        var (message, lastReason) = pending.Value;
        if (message is null || work.Redrives >= settings.MaxRedrives)
        {
            await FailAsync(work, message, lastReason, now, cancellationToken);
            await index.RemoveAsync(work, cancellationToken);
            return Outcome.Failed;
        }

        await queue.EnqueueAsync(message, cancellationToken);
        var redriven = work with { Redrives = work.Redrives + 1, NextAt = now + settings.WaitAfter(work.Redrives + 1) };
        return await index.TryUpdateAsync(redriven, cancellationToken) ? Outcome.Redriven : Outcome.Raced;
    }

    /// <summary>
    /// The message to send again for work still queued (null for a refund its order never recorded: its request stopped
    /// before it was accepted, so there is nothing to send), with the last failure noted on it; null when the work has
    /// ended or was never recorded.
    /// </summary>
    private async Task<(AccrualMessage? Message, string? LastReason)?> PendingAsync(QueuedWork work, CancellationToken cancellationToken)
    {
        if (work.Kind == QueuedWorkKind.Purchase)
        {
            var order = await purchases.GetAsync(work.TenantId, work.Id, cancellationToken);
            return order is { Status: PurchaseStatus.Queued } ? (new AccrualMessage(work.TenantId, work.Id), order.Reason) : null;
        }

        var refund = await refunds.GetAsync(work.TenantId, work.Id, cancellationToken);
        if (refund is not { Status: RefundStatus.Queued })
        {
            return null;
        }

        var refunded = await purchases.GetAsync(work.TenantId, refund.OrderId, cancellationToken);
        var message = refunded?.Refunds.Contains(refund.RefundId) == true ? new AccrualMessage(work.TenantId, refund.OrderId) { RefundId = refund.RefundId } : null;
        return (message, refund.Reason);
    }

    private Task FailAsync(QueuedWork work, AccrualMessage? message, string? lastReason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            const string reason = "The request stopped before the order recorded this refund, so it was never accepted; submit it again with the same refundId.";
            return refundService.MarkFailedAsync(new AccrualMessage(work.TenantId, string.Empty) { RefundId = work.Id }, reason, cancellationToken);
        }

        var gaveUp = $"Still queued after {work.Redrives} re-drives of its accrual message over {(now - work.QueuedAt).TotalMinutes:0} minutes"
            + (lastReason is null ? "." : $"; last attempt: {lastReason}");
        return message.RefundId is null
            ? purchaseService.MarkFailedAsync(message, gaveUp, cancellationToken)
            : refundService.MarkFailedAsync(message, gaveUp, cancellationToken);
    }

    private enum Outcome
    {
        Redriven,
        Cleared,
        Failed,
        Raced,
    }
}
