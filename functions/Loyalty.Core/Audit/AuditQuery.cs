namespace Loyalty.Core.Audit;

/// <summary>Filters of the audit log, combined with AND; <see cref="From"/> inclusive, <see cref="To"/> exclusive.</summary>
public sealed record AuditQuery(
    AuditAction? Action = null,
    string? MemberId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int PageSize = 50,
    string? ContinuationToken = null);

/// <summary>Newest first; a page may hold fewer than the page size while a continuation token is given.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, string? ContinuationToken);
