using Loyalty.Core.Common;
using Loyalty.Core.Events;
using Loyalty.Core.Expiry;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Ledger;

/// <summary>
/// Runs a <see cref="LedgerCommand"/> with optimistic concurrency: read (account ETag + lots) → compute → one batch
/// with If-Match and the idempotency row. A concurrent writer makes the batch fail whole (412), so it is re-read and
/// recomputed; a retry after an ambiguous failure finds the idempotency row and returns the first result.
/// </summary>
public sealed class LedgerService(ILedgerStore store, TimeProvider time, LedgerRetryPolicy? retryPolicy = null, ITierReviewSchedule? tierReviews = null, IExpiryIndex? expiryIndex = null)
{
    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    public async Task<Result<LedgerOutcome>> ExecuteAsync(MemberKey member, LedgerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(command);
        if (!MemberKey.IsValidMemberId(member.MemberId))
        {
            return Error.NotFound("member-not-found", $"Member '{member.MemberId}' does not exist.");
        }

        var fingerprint = command.Fingerprint();
        var readIdempotency = !command.RarelyReplayed;
        return await _retry.RunAsync(
            () =>
            {
                var attempt = AttemptAsync(member, command, fingerprint, readIdempotency, cancellationToken);
                readIdempotency = true;
                return attempt;
            },
            "The account is being changed by other requests; retry with the same Idempotency-Key.",
            cancellationToken);
    }

    private async Task<Attempt<LedgerOutcome>> AttemptAsync(MemberKey member, LedgerCommand command, string fingerprint, bool readIdempotency, CancellationToken cancellationToken)
    {
        var loading = store.LoadAsync(member, cancellationToken);
        var previous = readIdempotency ? await store.FindIdempotencyAsync(member, command.IdempotencyKey, cancellationToken) : null;
        var state = await loading;
        if (previous is not null)
        {
            return Replay(previous, fingerprint);
        }

        if (state is null)
        {
            return Error.NotFound("member-not-found", $"Member '{member.MemberId}' does not exist.");
        }

        if (!state.Account.IsOpen && !(command.ReopensMergedAccount && state.Account.Status == MemberStatus.Merged))
        {
            // An erased or merged account takes no more changes of any kind; a replay (above) still gets its first result.
            return MemberService.MemberClosed(state.Account);
        }

        var transaction = new LedgerTransaction(state, time.GetUtcNow(), command.IdempotencyKey, command.Operator)
        {
            ProgramVersion = command.ProgramVersion,
        };
        var applied = command.Apply(transaction);
        if (!applied.IsSuccess)
        {
            return applied.Error;
        }

        var outcome = new LedgerOutcome
        {
            IdempotencyKey = command.IdempotencyKey,
            Entry = applied.Value,
            Entries = transaction.Entries,
            Balance = Snapshot(transaction),
        };
        var events = LedgerEvents.ForBatch(member, transaction.Entries, state.Account.EventSequence);
        var changes = new LedgerChangeSet(
            transaction.Account with { EventSequence = state.Account.EventSequence + events.Count },
            state.ETag,
            transaction.ChangedLots,
            transaction.RemovedLots,
            transaction.Entries,
            new IdempotencyRecord(command.IdempotencyKey, fingerprint, outcome, transaction.Now))
        {
            UpsertHolds = transaction.ChangedHolds,
            Events = events,
        };
        if (changes.RowCount > LedgerChangeSet.MaxRows)
        {
            return Error.Rule("operation-too-large", "The operation touches more lots than one atomic batch can hold; split it into smaller amounts.");
        }

        await RecordExpiriesAsync(member, state, transaction, cancellationToken);
        if (await CommitAsync(changes, cancellationToken) != CommitResult.Committed)
        {
            // A concurrent writer, an idempotency row that landed meanwhile, or an ambiguous failure: the next read decides.
            return Attempt.Again;
        }

        await ScheduleTierReviewAsync(state.Account, transaction.Account, cancellationToken);
        return outcome;
    }

    /// <summary>The expiry index is written as an intent before the batch: if the batch then fails, the stale row is harmless.</summary>
    private async Task RecordExpiriesAsync(MemberKey member, MemberLedgerState before, LedgerTransaction transaction, CancellationToken cancellationToken)
    {
        if (expiryIndex is null)
        {
            return;
        }

        var expiries = ExpiryIntents.NewLotExpiries(before.Lots, transaction.ChangedLots);
        if (expiries.Count > 0)
        {
            await expiryIndex.RecordAsync(member, expiries, cancellationToken);
        }
    }

    private async Task ScheduleTierReviewAsync(MemberAccount before, MemberAccount after, CancellationToken cancellationToken)
    {
        if (tierReviews is not null && after.TierReviewAt is { } reviewAt && reviewAt != before.TierReviewAt)
        {
            await tierReviews.ScheduleAsync(after.Key, reviewAt, cancellationToken);
        }
    }

    public static BalanceSnapshot Snapshot(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return new(transaction.Balance, transaction.Available, transaction.Pending, transaction.Account.Debt) { Held = transaction.Held };
    }

    private async Task<CommitResult> CommitAsync(LedgerChangeSet changes, CancellationToken cancellationToken)
    {
        try
        {
            return await store.CommitAsync(changes, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // Ambiguous: the batch may or may not have landed. The next loop re-reads; the idempotency row decides.
            return CommitResult.Conflict;
        }
    }

    private static Result<LedgerOutcome> Replay(IdempotencyRecord previous, string fingerprint) =>
        previous.Fingerprint == fingerprint
            ? previous.Outcome with { Replayed = true }
            : Error.Conflict("idempotency-key-reused", $"Idempotency key '{previous.Key}' was already used for a different request.");
}
