namespace Loyalty.Core.Ledger;

public sealed record LedgerQuery(
    IReadOnlySet<LedgerEntryType>? Types = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int PageSize = 50,
    string? ContinuationToken = null);

public sealed record LedgerPage(IReadOnlyList<LedgerEntry> Entries, string? ContinuationToken);
