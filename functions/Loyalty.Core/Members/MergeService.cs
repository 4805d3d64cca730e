using Loyalty.Core.Common;
using Loyalty.Core.Family;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;
using Loyalty.Core.Sagas;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Members;

/// <summary>
/// Merges the duplicate account of one person into the account kept. Two partitions are never written in one batch:
/// the merge record drives merge-out on the source (every lot with its expiry, the account closed with a pointer to
/// the target) then merge-in on the target (the same portions and the source's tier-qualifying months, the tier
/// re-evaluated), each idempotent, so a retry of the same request resumes wherever a crash stopped it; so does the
/// tidy-up, which finds merges left in flight through <see cref="IPendingSagas"/>. If the target can no longer be
/// credited (erased or merged away meanwhile) the source is reopened with its points. Refused before anything moves
/// while the source's points are in motion (an open hold, pending points, a transfer in flight), owed (debt) or
/// frozen, while either side is part of another merge in flight, and while the source has family or WeChat bindings
/// (unbind them first: they are the person's choices, not carried silently). Both ledgers name the counterparty.
/// </summary>
public sealed class MergeService(
    IMergeStore merges,
    ILedgerStore store,
    LedgerService ledger,
    ProgramService programs,
    IFamilyStore family,
    IWeChatBindingStore wechat,
    SagasInFlight inFlight,
    IPendingSagas pending,
    TimeProvider time)
{
    public const string AlreadyMergedCode = "member-already-merged";

    public async Task<Result<MergeRecord>> MergeAsync(MemberKey target, MergeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        if (!MemberKey.IsValidMemberId(request.From))
        {
            return Error.Validation("from", "pattern", "from is required: the member id (1-64 letters, digits, '_', '.' or '-') of the duplicate account to merge into this one.");
        }

        if (request.From == target.MemberId)
        {
            return Error.Validation("from", "different", "from must name another member: an account cannot be merged into itself.");
        }

        var stored = await merges.GetAsync(target.TenantId, request.From!, cancellationToken);
        if (stored is null)
        {
            var source = new MemberKey(target.TenantId, request.From!);
            if (await CheckAsync(source, target, cancellationToken) is { } refused)
            {
                return refused;
            }

            var record = new MergeRecord { TenantId = target.TenantId, MergeId = source.MemberId, FromMemberId = source.MemberId, ToMemberId = target.MemberId, CreatedAt = time.GetUtcNow() };

            // Indexed before it is recorded: a crash in between leaves an index row the tidy-up drops, never a lost merge.
            await pending.AddAsync(PendingSaga.Merge(record.TenantId, record.MergeId, record.CreatedAt), cancellationToken);
            stored = await merges.AddOrGetAsync(record, cancellationToken);
        }

        return stored.ToMemberId == target.MemberId
            ? await ResumeAsync(stored, cancellationToken)
            : Error.Conflict(AlreadyMergedCode, $"Member '{stored.FromMemberId}' is already being merged into '{stored.ToMemberId}'.");
    }

    public Task<MergeRecord?> FindAsync(string tenantId, string mergeId, CancellationToken cancellationToken) =>
        merges.GetAsync(tenantId, mergeId, cancellationToken);

    /// <summary>Takes a merge from wherever it stopped to its end. Safe to run any number of times.</summary>
    public async Task<Result<MergeRecord>> ResumeAsync(MergeRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!MergeRecord.InFlight(record))
        {
            await pending.RemoveAsync(record.TenantId, SagaKind.Merge, record.MergeId, cancellationToken);
        }

        switch (record.Status)
        {
            case MergeStatus.Completed or MergeStatus.Returned:
                return record;
            case MergeStatus.Failed:
                return Error.Conflict(record.FailureCode ?? "merge-failed", record.FailureReason ?? "The merge was refused.");
        }

        var source = new MemberKey(record.TenantId, record.FromMemberId);
        var target = new MemberKey(record.TenantId, record.ToMemberId);
        var program = await programs.GetAsync(record.TenantId, cancellationToken);
        var moved = await ledger.ExecuteAsync(source, new MergeOut($"merge:{record.MergeId}:out", record.MergeId, record.ToMemberId) { ProgramVersion = program.Version }, cancellationToken);
        if (!moved.IsSuccess)
        {
            // A refusal moved nothing: the merge failed for good (so did one whose source was erased or merged elsewhere
            // meanwhile). A retryable conflict (contention) is answered as it is.
            return moved.Error.Code is LedgerTransaction.OpenHoldsCode or LedgerTransaction.PendingPointsCode or LedgerTransaction.MemberFrozenCode or LedgerTransaction.MemberDebtCode
                || MemberService.IsClosedOrMissing(moved.Error)
                ? await FailAsync(record, moved.Error, cancellationToken)
                : moved.Error;
        }

        var outEntry = moved.Value.Entry!;
        var portions = LotPortions.Parse(outEntry.Details.GetValueOrDefault(LotPortions.DetailKey));
        record = await SaveAsync(record with { Status = MergeStatus.MovedOut, Portions = portions, Points = -outEntry.Delta, OutEntryId = outEntry.EntryId }, cancellationToken);
        var months = outEntry.Details.Where(d => d.Key.StartsWith(LedgerTransaction.TierMonthPrefix, StringComparison.Ordinal)).ToDictionary(d => d.Key, d => d.Value);
        var received = await ledger.ExecuteAsync(target, new MergeIn($"merge:{record.MergeId}:in", record.MergeId, record.FromMemberId, portions, months, program.Rules) { ProgramVersion = program.Version }, cancellationToken);
        if (received.IsSuccess)
        {
            return await SaveAsync(record with { Status = MergeStatus.Completed, InEntryId = received.Value.Entry!.EntryId }, cancellationToken);
        }

        // A target that is gone (unknown, erased) or merged away will never take the points: the source gets them back.
        if (received.Error.Kind != ErrorKind.NotFound && received.Error.Code != MemberService.MemberMergedCode)
        {
            return received.Error;
        }

        var returned = await ledger.ExecuteAsync(source, new MergeReturn($"merge:{record.MergeId}:return", record.MergeId, record.ToMemberId, portions, LedgerTransaction.SmsAllowedBefore(outEntry), program.Rules) { ProgramVersion = program.Version }, cancellationToken);
        return returned.IsSuccess
            ? await SaveAsync(record with { Status = MergeStatus.Returned, FailureCode = received.Error.Code, FailureReason = received.Error.Message }, cancellationToken)
            : returned.Error;
    }

    private async Task<Error?> CheckAsync(MemberKey source, MemberKey target, CancellationToken cancellationToken)
    {
        var keep = await store.GetAccountAsync(target, cancellationToken);
        if (MemberService.Refusal(target, keep) is { } targetRefused)
        {
            return targetRefused;
        }

        var state = MemberKey.IsValidMemberId(source.MemberId) ? await store.LoadAsync(source, cancellationToken) : null;
        if (MemberService.Refusal(source, state?.Account) is { } sourceRefused)
        {
            return sourceRefused;
        }

        if (new LedgerTransaction(state!, time.GetUtcNow(), "merge-check").MergeBlocker() is { } blocked)
        {
            return blocked;
        }

        if (keep is { Frozen: true })
        {
            return Error.Conflict(LedgerTransaction.MemberFrozenCode, $"Member '{target.MemberId}' is frozen; unfreeze the account before merging into it.");
        }

        if ((await family.ListAsync(source.TenantId, source.MemberId, cancellationToken)).Count > 0)
        {
            return Error.Conflict("member-has-family", $"Member '{source.MemberId}' has family bindings; unbind them first (they are not carried to '{target.MemberId}').");
        }

        if ((await wechat.ListByMemberAsync(source.TenantId, source.MemberId, cancellationToken)).Count > 0)
        {
            return Error.Conflict("member-has-wechat", $"Member '{source.MemberId}' has WeChat bindings; unbind them first and bind the openid to '{target.MemberId}'.");
        }

        return await inFlight.CheckAsync(SagaKind.Transfer, source, cancellationToken)
            ?? await inFlight.CheckAsync(SagaKind.Merge, source, cancellationToken)
            ?? await inFlight.CheckAsync(SagaKind.Merge, target, cancellationToken);
    }

    private async Task<Error> FailAsync(MergeRecord record, Error error, CancellationToken cancellationToken)
    {
        await SaveAsync(record with { Status = MergeStatus.Failed, FailureCode = error.Code, FailureReason = error.Message }, cancellationToken);
        return error;
    }

    /// <summary>When the update loses, another attempt moved the record on; the ledger steps are idempotent, so its view is as good as ours.</summary>
    private async Task<MergeRecord> SaveAsync(MergeRecord record, CancellationToken cancellationToken)
    {
        var updated = record with { UpdatedAt = time.GetUtcNow() };
        await merges.TryUpdateAsync(updated, cancellationToken);
        var saved = await merges.GetAsync(record.TenantId, record.MergeId, cancellationToken) ?? updated;
        if (!MergeRecord.InFlight(saved))
        {
            await pending.RemoveAsync(saved.TenantId, SagaKind.Merge, saved.MergeId, cancellationToken);
        }

        return saved;
    }
}
