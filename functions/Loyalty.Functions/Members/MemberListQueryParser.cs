using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Members;

/// <summary>Reads <c>?tier=&amp;registeredFrom=&amp;registeredTo=&amp;store=&amp;q=&amp;pageSize=&amp;continuationToken=</c>; a bad parameter is a 400 that names it.</summary>
public static class MemberListQueryParser
{
    public const int MaxPageSize = 200;

    public const int MaxTextLength = 64;

    public static Result<MemberListQuery> Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var texts = new Dictionary<string, string?>();
        foreach (var name in new[] { "tier", "store", "q" })
        {
            var value = query[name].ToString().Trim();
            if (value.Length > MaxTextLength)
            {
                return Error.BadRequest("invalid-query", $"{name} must be at most {MaxTextLength} characters.", name);
            }

            texts[name] = value.Length == 0 ? null : value;
        }

        var window = LedgerQueryParser.ParseWindow(query, "registeredFrom", "registeredTo", MaxPageSize);
        return window.IsSuccess
            ? new MemberListQuery(texts["tier"], window.Value.From, window.Value.To, texts["store"], texts["q"], window.Value.PageSize, window.Value.Token)
            : window.Error;
    }
}
