using Loyalty.Core.Members;

namespace Loyalty.Core.Ledger;

/// <summary>Persists members' ledgers. One member is one partition, so every change is one atomic batch.</summary>
public interface ILedgerStore
{
    /// <summary>Creates the account row (and any entries and lots, e.g. a sign-up bonus) in one batch. False when the member already exists.</summary>
    Task<bool> CreateAccountAsync(MemberAccount account, IReadOnlyList<PointsLot> lots, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);

    Task<MemberLedgerState?> LoadAsync(MemberKey member, CancellationToken cancellationToken);

    /// <summary>The account row alone (one point read): for existence checks and profile fields, where lots and holds are not needed.</summary>
    Task<MemberAccount?> GetAccountAsync(MemberKey member, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> FindIdempotencyAsync(MemberKey member, string idempotencyKey, CancellationToken cancellationToken);

    Task<CommitResult> CommitAsync(LedgerChangeSet changes, CancellationToken cancellationToken);

    Task<LedgerPage> QueryEntriesAsync(MemberKey member, LedgerQuery query, CancellationToken cancellationToken);

    /// <summary>A hold in any status (active ones also come with <see cref="LoadAsync"/>); null when it never existed.</summary>
    Task<PointsHold?> FindHoldAsync(MemberKey member, string holdId, CancellationToken cancellationToken);
}

public enum CommitResult
{
    Committed,

    /// <summary>The account changed since it was read (ETag mismatch): re-read and try again.</summary>
    Conflict,

    /// <summary>The idempotency row already exists: another attempt with the same key committed first.</summary>
    DuplicateIdempotencyKey,
}
