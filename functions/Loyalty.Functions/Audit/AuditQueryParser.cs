using System.Globalization;
using Loyalty.Core.Audit;
using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Loyalty.Functions.Members;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Audit;

/// <summary>Reads <c>?action=adjustment&amp;memberId=m-1&amp;from=...&amp;to=...&amp;pageSize=50&amp;continuationToken=...</c>; a bad parameter is a 400 that names it.</summary>
public static class AuditQueryParser
{
    public const int MaxPageSize = 200;

    private static readonly string[] Known = ["action", "memberId", "from", "to", "pageSize", "continuationToken", "code"];

    public static Result<AuditQuery> Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Keys.FirstOrDefault(k => !Known.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return Error.BadRequest("invalid-query", $"Unknown parameter; the audit log filters by: {string.Join(", ", Known[..^1])}.", unknown);
        }

        AuditAction? action = null;
        if (query["action"].ToString() is { Length: > 0 } name)
        {
            if (!Enum.TryParse<AuditAction>(name.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) || int.TryParse(name, out _))
            {
                return Error.BadRequest("invalid-query", $"action '{name}' is not one of: {string.Join(", ", Enum.GetNames<AuditAction>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.", "action");
            }

            action = parsed;
        }

        var memberId = query["memberId"].ToString();
        if (memberId.Length > 0 && !MemberKey.IsValidMemberId(memberId))
        {
            return Error.BadRequest("invalid-query", "memberId must be 1-64 letters, digits, '_', '.' or '-'.", "memberId");
        }

        var window = LedgerQueryParser.ParseWindow(query, "from", "to", MaxPageSize);
        return window.IsSuccess
            ? new AuditQuery(action, memberId.Length == 0 ? null : memberId, window.Value.From, window.Value.To, window.Value.PageSize, window.Value.Token)
            : window.Error;
    }
}
