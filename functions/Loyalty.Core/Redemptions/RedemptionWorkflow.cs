using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Gifts;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Redemptions;

/// <summary>
/// The steps of a redemption, one method per activity. Every step is idempotent (keyed by the redemption), so an
/// activity that runs twice does its work once. Business refusals come back as a failed <see cref="StepOutcome"/>;
/// infrastructure trouble throws, so the orchestration's retry policy runs the step again.
/// </summary>
public sealed class RedemptionWorkflow(
    IRedemptionStore store,
    GiftStockService stock,
    IGiftCatalog gifts,
    GiftFulfilment fulfilment,
    ILedgerStore ledgerStore,
    LedgerService ledger,
    INotificationOutbox outbox,
    TimeProvider time,
    LedgerRetryPolicy? retryPolicy = null)
{
    public const string AlreadyFinished = "redemption-finished";

    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    public async Task<StepOutcome> ReserveAsync(RedemptionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await LoadAsync(input, cancellationToken);
        if (record.IsFinished)
        {
            // A start replayed after the end must not take stock again.
            return StepOutcome.Fail(AlreadyFinished, $"Redemption '{input.RedemptionId}' already finished as {record.Status}.") with { FinishedAs = record.Status };
        }

        var member = await ledgerStore.GetAccountAsync(new MemberKey(input.TenantId, input.MemberId), cancellationToken);
        var reserved = member is null || !member.IsOpen
            ? MemberService.Refusal(new MemberKey(input.TenantId, input.MemberId), member)!
            : await stock.ReserveAsync(input.TenantId, input.GiftId, input.MemberId, member.Tier, input.RedemptionId, record.CreatedAt, cancellationToken);
        if (!reserved.IsSuccess)
        {
            ThrowIfTransient(reserved.Error);
            await FailStepAsync(input, RedemptionSteps.Reserve, reserved.Error, cancellationToken);
            return StepOutcome.Fail(reserved.Error.Code, reserved.Error.Message);
        }

        await UpdateAsync(input, r => r.WithStep(RedemptionSteps.Reserve, StepState.Done, time.GetUtcNow()) with
        {
            Status = r.Status == RedemptionStatus.Accepted ? RedemptionStatus.Processing : r.Status,
            Points = reserved.Value.Points,
        }, cancellationToken);
        return StepOutcome.Ok() with { Points = reserved.Value.Points };
    }

    public async Task<StepOutcome> DebitAsync(DebitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input;
        var debit = new RedemptionDebit(input.RedemptionId, input.GiftId, request.Points) { Operator = "redemption" };
        var result = await ledger.ExecuteAsync(new MemberKey(input.TenantId, input.MemberId), debit, cancellationToken);
        if (!result.IsSuccess)
        {
            ThrowIfTransient(result.Error);
            await FailStepAsync(input, RedemptionSteps.Debit, result.Error, cancellationToken);
            return StepOutcome.Fail(result.Error.Code, result.Error.Message);
        }

        var entryId = result.Value.Entry!.EntryId;
        await UpdateAsync(input, r => r.WithStep(RedemptionSteps.Debit, StepState.Done, time.GetUtcNow(), entryId) with { DebitEntryId = entryId }, cancellationToken);
        return StepOutcome.Ok();
    }

    public async Task<StepOutcome> FulfilAsync(RedemptionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await LoadAsync(input, cancellationToken);
        if (record.Fulfilment is null)
        {
            var gift = await gifts.GetAsync(input.TenantId, input.GiftId, cancellationToken);
            var made = gift is null ? GiftService.NotFound(input.GiftId) : await fulfilment.FulfilAsync(record, gift, cancellationToken);
            if (!made.IsSuccess)
            {
                await FailStepAsync(input, RedemptionSteps.Fulfil, made.Error, cancellationToken);
                return StepOutcome.Fail(made.Error.Code, made.Error.Message);
            }

            // A concurrent run of this step may have stored its own fulfilment first: that one stands.
            record = await UpdateAsync(input, r => r.Fulfilment is not null ? r : r.WithStep(RedemptionSteps.Fulfil, StepState.Done, time.GetUtcNow(), made.Value.Code) with
            {
                Fulfilment = made.Value,
                Status = made.Value.Shipment is null ? r.Status : RedemptionStatus.AwaitingShipment,
            }, cancellationToken);
        }

        return StepOutcome.Ok() with { AwaitsShipment = record.Fulfilment?.Shipment?.Status == ShipmentStatus.AwaitingShipment };
    }

    public async Task<StepOutcome> RecordShipmentAsync(ShipmentRecording recording, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var update = recording.Update;
        var now = time.GetUtcNow();
        await UpdateAsync(recording.Input, r =>
        {
            if (r.Fulfilment?.Shipment is not { Status: ShipmentStatus.AwaitingShipment } shipment)
            {
                return r;
            }

            var recorded = update.Shipped
                ? shipment with { Status = ShipmentStatus.Shipped, Carrier = update.Carrier, TrackingNumber = update.TrackingNumber, ShippedAt = now }
                : shipment with { Status = ShipmentStatus.Cancelled };
            return r.WithStep(RedemptionSteps.Shipment, update.Shipped ? StepState.Done : StepState.Failed, now, update.Shipped ? update.TrackingNumber : update.Reason) with
            {
                Fulfilment = r.Fulfilment with { Shipment = recorded },
                Status = RedemptionStatus.Processing,
            };
        }, cancellationToken);
        return StepOutcome.Ok();
    }

    public async Task<StepOutcome> NotifyAsync(RedemptionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await LoadAsync(input, cancellationToken);
        var data = new Dictionary<string, string>
        {
            ["redemptionId"] = record.RedemptionId,
            ["giftName"] = record.GiftName,
            ["points"] = record.Points.ToString(CultureInfo.InvariantCulture),
        };
        if (record.Fulfilment is { } f)
        {
            AddIfPresent(data, "code", f.Code);
            AddIfPresent(data, "validUntil", f.ValidUntil?.ToString("O", CultureInfo.InvariantCulture));
            AddIfPresent(data, "carrier", f.Shipment?.Carrier);
            AddIfPresent(data, "trackingNumber", f.Shipment?.TrackingNumber);
        }

        var now = time.GetUtcNow();
        await outbox.AddAsync(new Notification(input.TenantId, $"redemption:{input.RedemptionId}:completed", input.MemberId, "redemption-completed", data, now), cancellationToken);
        await UpdateAsync(input, r => r.WithStep(RedemptionSteps.Notify, StepState.Done, now), cancellationToken);
        return StepOutcome.Ok();
    }

    /// <summary>Compensation: gives back what the debit took, with the original expiries. Nothing debited: nothing to do.</summary>
    public async Task<StepOutcome> RefundAsync(RedemptionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var member = new MemberKey(input.TenantId, input.MemberId);
        var debit = await ledgerStore.FindIdempotencyAsync(member, RedemptionIds.DebitKey(input.RedemptionId), cancellationToken);
        if (debit?.Outcome.Entry is not { } entry)
        {
            await UpdateAsync(input, r => r.WithStep(RedemptionSteps.Refund, StepState.Skipped, time.GetUtcNow(), "nothing was debited"), cancellationToken);
            return StepOutcome.Ok();
        }

        var refund = new RedemptionRefund(input.RedemptionId, entry, $"Redemption {input.RedemptionId} reversed") { Operator = "redemption" };
        var result = await ledger.ExecuteAsync(member, refund, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Refund of redemption {input.RedemptionId} failed: {result.Error.Code}: {result.Error.Message}");
        }

        var refundId = result.Value.Entry!.EntryId;
        await UpdateAsync(input, r => r.WithStep(RedemptionSteps.Refund, StepState.Done, time.GetUtcNow(), refundId) with { RefundEntryId = refundId }, cancellationToken);
        return StepOutcome.Ok();
    }

    /// <summary>Compensation: returns the reserved unit to stock (and to the member's limit).</summary>
    public async Task<StepOutcome> ReleaseAsync(RedemptionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var released = await stock.ReleaseAsync(input.TenantId, input.GiftId, input.RedemptionId, cancellationToken);
        if (!released.IsSuccess)
        {
            throw new InvalidOperationException($"Release of redemption {input.RedemptionId} failed: {released.Error.Message}");
        }

        var state = released.Value ? StepState.Done : StepState.Skipped;
        await UpdateAsync(input, r => r.Steps.TryGetValue(RedemptionSteps.Release, out var done) && done.State == StepState.Done
            ? r
            : r.WithStep(RedemptionSteps.Release, state, time.GetUtcNow()), cancellationToken);
        return StepOutcome.Ok();
    }

    public async Task<StepOutcome> CloseAsync(RedemptionClosing closing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closing);
        var now = time.GetUtcNow();
        await UpdateAsync(closing.Input, r => r.IsFinished ? r : r with
        {
            Status = closing.Status,
            FailureCode = closing.Code,
            FailureReason = closing.Reason,
            FinishedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        return StepOutcome.Ok();
    }

    private static void ThrowIfTransient(Error error)
    {
        if (error.Code == LedgerRetryPolicy.ConcurrentUpdate)
        {
            throw new InvalidOperationException(error.Message);
        }
    }

    private static void AddIfPresent(Dictionary<string, string> data, string key, string? value)
    {
        if (value is not null)
        {
            data[key] = value;
        }
    }

    private Task<RedemptionRecord> FailStepAsync(RedemptionInput input, string step, Error error, CancellationToken cancellationToken) =>
        UpdateAsync(input, r => r.WithStep(step, StepState.Failed, time.GetUtcNow(), error.Code), cancellationToken);

    private async Task<RedemptionRecord> LoadAsync(RedemptionInput input, CancellationToken cancellationToken) =>
        await store.GetAsync(input.TenantId, input.RedemptionId, cancellationToken)
        ?? throw new InvalidOperationException($"Redemption {input.TenantId}/{input.RedemptionId} has no record.");

    private Task<RedemptionRecord> UpdateAsync(RedemptionInput input, Func<RedemptionRecord, RedemptionRecord> change, CancellationToken cancellationToken) =>
        _retry.RunOrThrowAsync<RedemptionRecord>(
            async () =>
            {
                var current = await LoadAsync(input, cancellationToken);
                var changed = change(current);
                return ReferenceEquals(changed, current) || await store.TryUpdateAsync(changed, current.Status, cancellationToken) ? changed : Attempt.Again;
            },
            $"Redemption {input.RedemptionId} kept changing under this step.",
            cancellationToken);
}
