using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Members;

/// <summary>Reads <c>?type=earn,spend&amp;from=...&amp;to=...&amp;pageSize=50&amp;continuationToken=...</c>; a bad parameter is a 400 that names it.</summary>
public static class LedgerQueryParser
{
    public const int MaxPageSize = 200;

    public static Result<LedgerQuery> Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var types = new HashSet<LedgerEntryType>();
        foreach (var name in query["type"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<LedgerEntryType>(name, ignoreCase: true, out var type) || int.TryParse(name, out _))
            {
                return Error.BadRequest("invalid-query", $"type '{name}' is not one of: {string.Join(", ", Enum.GetNames<LedgerEntryType>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.", "type");
            }

            types.Add(type);
        }

        var window = ParseWindow(query, "from", "to", MaxPageSize);
        return window.IsSuccess
            ? new LedgerQuery(types.Count == 0 ? null : types, window.Value.From, window.Value.To, window.Value.PageSize, window.Value.Token)
            : window.Error;
    }

    /// <summary>A time range (<paramref name="fromName"/>, <paramref name="toName"/>, each optional) and a page of it, as the list queries read them.</summary>
    internal static Result<TimeWindowPage> ParseWindow(IQueryCollection query, string fromName, string toName, int maxPageSize)
    {
        var from = ParseTime(query, fromName);
        if (!from.IsSuccess)
        {
            return from.Error;
        }

        var to = ParseTime(query, toName);
        if (!to.IsSuccess)
        {
            return to.Error;
        }

        var page = ParsePage(query, maxPageSize);
        return page.IsSuccess ? new TimeWindowPage(from.Value, to.Value, page.Value.PageSize, page.Value.Token) : page.Error;
    }

    private static Result<DateTimeOffset?> ParseTime(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return Result<DateTimeOffset?>.Ok(null);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? Result<DateTimeOffset?>.Ok(value)
            : Error.BadRequest("invalid-query", $"{name} must be an ISO 8601 date or time.", name);
    }

    /// <summary><c>pageSize</c> (1 to <paramref name="maxPageSize"/>, default 50) and <c>continuationToken</c>; a bad size is a 400 naming it.</summary>
    internal static Result<(int PageSize, string? Token)> ParsePage(IQueryCollection query, int maxPageSize)
    {
        var pageSize = ParsePageSize(query, maxPageSize, 50);
        if (!pageSize.IsSuccess)
        {
            return pageSize.Error;
        }

        var token = query["continuationToken"].ToString();
        return Result<(int PageSize, string? Token)>.Ok((pageSize.Value, token.Length == 0 ? null : token));
    }

    /// <summary><c>pageSize</c>, 1 to <paramref name="maxPageSize"/> (<paramref name="defaultPageSize"/> when absent); anything else is a 400 naming it.</summary>
    internal static Result<int> ParsePageSize(IQueryCollection query, int maxPageSize, int defaultPageSize)
    {
        var pageSize = defaultPageSize;
        return query.TryGetValue("pageSize", out var size) && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 || pageSize > maxPageSize)
            ? Error.BadRequest("invalid-query", $"pageSize must be a whole number from 1 to {maxPageSize}.", "pageSize")
            : Result<int>.Ok(pageSize);
    }
}

internal sealed record TimeWindowPage(DateTimeOffset? From, DateTimeOffset? To, int PageSize, string? Token);
