using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Sagas;

namespace Loyalty.Core.Family;

/// <summary>
/// Transfers between bound family members. Two partitions are never written in one batch: the transfer record drives
/// debit-out then credit-in, each idempotent, and a retry of the same request (same Idempotency-Key) resumes from
/// wherever a crash stopped it; so does the tidy-up, which finds transfers left in flight through
/// <see cref="IPendingSagas"/>. If the receiver cannot be credited the points return to the sender.
/// </summary>
public sealed class TransferService(ITransferStore transfers, FamilyService family, ILedgerStore ledgerStore, LedgerService ledger, ProgramService programs, IPendingSagas pending, TimeProvider time)
{
    public const string TransferNotFound = "transfer-not-found";

    public async Task<Result<TransferRecord>> TransferAsync(string tenantId, TransferRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = FamilyService.ValidatePair(request.FromMemberId, request.ToMemberId, "fromMemberId", "toMemberId");
        if (!TransferBounds.Points.Contains(request.Points))
        {
            errors.Add(TransferBounds.Points.Violation("points"));
        }

        if (!TransferBounds.Message.Contains(request.Message))
        {
            errors.Add(new FieldError("message", "length", "message must be at most 100 characters."));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var record = new TransferRecord
        {
            TenantId = tenantId,
            TransferId = DerivedId.From("transfer", idempotencyKey),
            FromMemberId = request.FromMemberId!,
            ToMemberId = request.ToMemberId!,
            Points = request.Points!.Value,
            Message = request.Message,
            CreatedAt = time.GetUtcNow(),
        };
        var stored = await transfers.GetAsync(tenantId, record.TransferId, cancellationToken);
        if (stored is null)
        {
            var refused = await CheckAsync(record, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }

            // Indexed before it is recorded: a crash in between leaves an index row the tidy-up drops, never a lost transfer.
            await pending.AddAsync(PendingSaga.Transfer(tenantId, record.TransferId, record.CreatedAt), cancellationToken);
            stored = await transfers.AddOrGetAsync(record, cancellationToken);
        }

        return stored.SameRequest(record)
            ? await ResumeAsync(stored, cancellationToken)
            : Error.Conflict("idempotency-key-reused", $"Idempotency key '{idempotencyKey}' was already used for a different transfer.");
    }

    public async Task<Result<TransferRecord>> GetAsync(string tenantId, string transferId, CancellationToken cancellationToken) =>
        await transfers.GetAsync(tenantId, transferId, cancellationToken) is { } record
            ? record
            : Error.NotFound(TransferNotFound, $"Transfer '{transferId}' does not exist.");

    /// <summary>Takes a transfer from wherever it stopped to its end. Safe to run any number of times.</summary>
    public async Task<Result<TransferRecord>> ResumeAsync(TransferRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (IsFinal(record))
        {
            await pending.RemoveAsync(record.TenantId, SagaKind.Transfer, record.TransferId, cancellationToken);
        }

        if (record.Status is TransferStatus.Completed or TransferStatus.Returned)
        {
            return record;
        }

        if (record.Status == TransferStatus.Failed)
        {
            return Error.Rule(record.FailureCode ?? "transfer-failed", record.FailureReason ?? "The transfer was refused.");
        }

        var program = await programs.GetAsync(record.TenantId, cancellationToken);
        var from = new MemberKey(record.TenantId, record.FromMemberId);
        var to = new MemberKey(record.TenantId, record.ToMemberId);
        var debit = await ledger.ExecuteAsync(from, new TransferOut($"transfer:{record.TransferId}:out", record.TransferId, record.ToMemberId, record.Points, program.Rules.Transfers, program.Rules.Zone(), record.CreatedAt) { ProgramVersion = program.Version }, cancellationToken);
        if (!debit.IsSuccess)
        {
            // A refused debit moved nothing: the transfer failed for good. A conflict may succeed on a retry.
            return debit.Error.Kind == ErrorKind.Conflict
                ? debit.Error
                : await FailAsync(record, debit.Error, cancellationToken);
        }

        var debitEntry = debit.Value.Entry!;
        var portions = LotPortions.Of(debitEntry);
        record = await SaveAsync(record with { Status = TransferStatus.Debited, Portions = portions, OutEntryId = debitEntry.EntryId }, cancellationToken);
        var credit = await ledger.ExecuteAsync(to, new TransferIn($"transfer:{record.TransferId}:in", record.TransferId, record.FromMemberId, portions) { ProgramVersion = program.Version }, cancellationToken);
        if (credit.IsSuccess)
        {
            return await SaveAsync(record with { Status = TransferStatus.Completed, InEntryId = credit.Value.Entry!.EntryId }, cancellationToken);
        }

        // A receiver that is gone (unknown, erased) or merged away will never take the points: they go back.
        if (credit.Error.Kind != ErrorKind.NotFound && credit.Error.Code != MemberService.MemberMergedCode)
        {
            return credit.Error;
        }

        var returned = await ledger.ExecuteAsync(from, new TransferIn($"transfer:{record.TransferId}:return", record.TransferId, record.ToMemberId, portions, Returning: true, CountedMonth: TransferOut.MonthOf(record.CreatedAt, program.Rules.Zone())), cancellationToken);
        return returned.IsSuccess
            ? await SaveAsync(record with { Status = TransferStatus.Returned, FailureCode = credit.Error.Code, FailureReason = credit.Error.Message }, cancellationToken)
            : returned.Error;
    }

    private async Task<Error?> CheckAsync(TransferRecord record, CancellationToken cancellationToken)
    {
        var to = new MemberKey(record.TenantId, record.ToMemberId);
        var receiver = await ledgerStore.GetAccountAsync(to, cancellationToken);
        if (MemberService.Refusal(to, receiver) is { } refused)
        {
            return refused;
        }

        if (!await family.AreBoundAsync(record.TenantId, record.FromMemberId, record.ToMemberId, cancellationToken))
        {
            return Error.Rule("not-family", $"Members '{record.FromMemberId}' and '{record.ToMemberId}' are not bound as family.");
        }

        return receiver is { Frozen: true }
            ? Error.Rule("receiver-frozen", $"Member '{record.ToMemberId}' is frozen and cannot receive points.")
            : null;
    }

    private async Task<Error> FailAsync(TransferRecord record, Error error, CancellationToken cancellationToken)
    {
        await SaveAsync(record with { Status = TransferStatus.Failed, FailureCode = error.Code, FailureReason = error.Message }, cancellationToken);
        return error;
    }

    private static bool IsFinal(TransferRecord record) => record.Status is TransferStatus.Completed or TransferStatus.Returned or TransferStatus.Failed;

    private async Task<TransferRecord> SaveAsync(TransferRecord record, CancellationToken cancellationToken)
    {
        var updated = record with { UpdatedAt = time.GetUtcNow() };

        // When the update loses, another attempt moved the record on; the ledger steps are idempotent, so its view is as good as ours.
        await transfers.TryUpdateAsync(updated, cancellationToken);
        var saved = await transfers.GetAsync(record.TenantId, record.TransferId, cancellationToken) ?? updated;
        if (IsFinal(saved))
        {
            await pending.RemoveAsync(saved.TenantId, SagaKind.Transfer, saved.TransferId, cancellationToken);
        }

        return saved;
    }
}
