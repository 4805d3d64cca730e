using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Core.Redemptions;

/// <summary>
/// A redemption's id is derived from the tenant and the client's idempotency key, so a retried request finds the same
/// redemption (and orchestration instance) and two tenants using the same key never meet.
/// </summary>
public static class RedemptionIds
{
    public static string For(string tenantId, string idempotencyKey) =>
        "r" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{idempotencyKey}")))[..31];

    public static bool IsWellFormed(string? id) =>
        id is { Length: 32 } && id[0] == 'r' && id.Skip(1).All(char.IsAsciiHexDigitLower);

    public static string DebitKey(string redemptionId) => $"redemption:{redemptionId}";

    public static string RefundKey(string redemptionId) => $"redemption-refund:{redemptionId}";
}
