using Loyalty.Core.Members;

namespace Loyalty.Core.Expiry;

/// <summary>
/// Which members have lots ending when, so clearing and reminders read only the members concerned, never every member.
/// A row is an intent, written before the ledger batch that creates the lot: a stale row (the batch failed, the points
/// were spent) is harmless, clearing finds nothing to expire and removes it.
/// </summary>
public interface IExpiryIndex
{
    /// <summary>Upserts one row per expiry instant for the member (idempotent).</summary>
    Task RecordAsync(MemberKey member, IReadOnlyCollection<DateTimeOffset> expiries, CancellationToken cancellationToken);

    /// <summary>Rows with <c>window.After &lt; expiresAt &lt;= window.UpTo</c> after <paramref name="cursor"/>, in expiry order, at most <paramref name="max"/>.</summary>
    Task<ExpiryIndexPage> PageAsync(string tenantId, ExpiryWindow window, string? cursor, int max, CancellationToken cancellationToken);

    /// <summary>Removes the rows (those already gone are skipped), in as few requests as the store allows.</summary>
    Task RemoveAsync(string tenantId, IReadOnlyCollection<ExpiryIndexEntry> entries, CancellationToken cancellationToken);
}

/// <summary>One member with points ending at <see cref="ExpiresAt"/>.</summary>
public sealed record ExpiryIndexEntry(string MemberId, DateTimeOffset ExpiresAt);

/// <summary>A page of the index; <see cref="Cursor"/> continues after its last row (null at the end).</summary>
public sealed record ExpiryIndexPage(IReadOnlyList<ExpiryIndexEntry> Entries, string? Cursor);
