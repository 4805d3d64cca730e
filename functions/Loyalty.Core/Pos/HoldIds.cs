using Loyalty.Core.Common;
using Loyalty.Core.Members;

namespace Loyalty.Core.Pos;

/// <summary>
/// A hold id names its member (<c>{memberId}~{24 hex}</c>), so capture and release find the partition without an
/// index; the tenant still comes only from the API key. The hex part derives from the idempotency key, so a retried
/// hold request names the same hold.
/// </summary>
public static class HoldIds
{
    private const char Separator = '~';

    /// <summary>A member id, '~' and 24 lower-case hex digits.</summary>
    public static readonly TextBound Bound = new(TextBounds.Id.MaxLength + 25);

    public static string For(string memberId, string idempotencyKey) => $"{memberId}{Separator}{DerivedId.From("hold", idempotencyKey)}";

    public static MemberKey? Member(string tenantId, string? holdId)
    {
        var at = holdId?.LastIndexOf(Separator) ?? -1;
        if (at <= 0 || holdId!.Length - at - 1 != 24 || !holdId[(at + 1)..].All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var memberId = holdId[..at];
        return MemberKey.IsValidMemberId(memberId) ? new MemberKey(tenantId, memberId) : null;
    }
}
