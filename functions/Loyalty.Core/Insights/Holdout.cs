using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Loyalty.Core.Common;

namespace Loyalty.Core.Insights;

/// <summary>
/// Which members a push keeps out. A member is held out when the first 8 bytes of SHA-256("{tenant}\n{push}\n{member}")
/// (UTF-8, read big-endian) modulo 10,000 fall below the percentage in basis points. The same member and push always
/// land in the same group (a retried send, a re-built report), with no state to keep but the assignment the push
/// stores; SHA-256 spreads the ids evenly, so the held-out share is the percentage up to sampling noise whatever the ids
/// look like; and the push id in the input makes each push hold out different members, so nobody is left out of every
/// push. (2^64 mod 10,000 ≠ 0 skews the buckets by under 10^-15: nothing a report can see.)
/// </summary>
public static class Holdout
{
    public const decimal DefaultPercent = 10m;

    /// <summary>0 keeps nobody out (the push report then has no lift); more than half held out would be an odd push.</summary>
    public static readonly Bound Percent = new(0, 50);

    public static PushGroup Assign(string tenantId, string pushId, string memberId, decimal percent)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(pushId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        if (!Percent.Contains(percent))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, $"The holdout percentage must be {Percent.Describe()}.");
        }

        return Bucket(tenantId, pushId, memberId) < percent * 100m ? PushGroup.Holdout : PushGroup.Treated;
    }

    /// <summary>The member's bucket for the push, 0-9999.</summary>
    internal static int Bucket(string tenantId, string pushId, string memberId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{pushId}\n{memberId}"));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % 10_000);
    }

    /// <summary>The percentage of a push request: within <see cref="Percent"/>, at most two decimals (a bucket is 0.01%).</summary>
    public static void Validate(decimal percent, string field, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Range(field, Percent, percent, "the holdout percentage");
        if (decimal.Round(percent, 2) != percent)
        {
            errors.Add(field, "precision", "The holdout percentage has at most two decimals.");
        }
    }
}
