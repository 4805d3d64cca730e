using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Core.Common;

/// <summary>Ids derived from a client's idempotency key, so a retried request names the same hold, transfer or draw.</summary>
public static class DerivedId
{
    public static string From(string scope, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{key}")))[..24];
}
