using Loyalty.Core.Common;
using Loyalty.Functions.Members;
using Loyalty.Infrastructure.Tables;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Events;

/// <summary>Reads <c>?after={cursor}&amp;pageSize=100</c>; a bad parameter is a 400 that names it.</summary>
public sealed record EventFeedQuery(string? After, int PageSize)
{
    public const int DefaultPageSize = 100;

    public const int MaxPageSize = TableEventFeed.MaxPageSize;

    /// <summary>Longer than any cursor the feed issues.</summary>
    public const int MaxCursorLength = 1024;

    private static readonly string[] Known = ["after", "pageSize", "code"];

    public static Result<EventFeedQuery> Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Keys.FirstOrDefault(k => !Known.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return Error.BadRequest("invalid-query", $"Unknown parameter; the event feed takes: {string.Join(", ", Known[..^1])}.", unknown);
        }

        var pageSize = LedgerQueryParser.ParsePageSize(query, MaxPageSize, DefaultPageSize);
        if (!pageSize.IsSuccess)
        {
            return pageSize.Error;
        }

        var after = query["after"].ToString();
        return after.Length > MaxCursorLength
            ? InvalidCursor
            : new EventFeedQuery(after.Length == 0 ? null : after, pageSize.Value);
    }

    /// <summary>A cursor the feed did not issue (or that was altered).</summary>
    public static Error InvalidCursor { get; } =
        Error.BadRequest("invalid-cursor", "after must be a cursor from a previous page of this feed, or left out to read from the oldest retained event.", "after");
}
