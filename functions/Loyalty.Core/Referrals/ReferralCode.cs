using System.Security.Cryptography;
using System.Text;
using Loyalty.Core.Members;

namespace Loyalty.Core.Referrals;

/// <summary>
/// A member's referral code: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), derived by a keyed hash
/// from the tenant, the member and an attempt number, so the same member always gets the same candidates (a retried
/// assignment lands on the same code) and codes cannot be guessed from member ids. A candidate another member holds is
/// skipped for the next one.
/// </summary>
public static class ReferralCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int Length = 8;

    /// <summary>Candidates tried before giving up (with 31^8 codes a tenant would need hundreds of millions of members to get near it).</summary>
    public const int MaxAttempts = 16;

    public static string Candidate(byte[] key, MemberKey member, int attempt)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(member);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{member.TenantId}\n{member.MemberId}\n{attempt}"));
        var value = BitConverter.ToUInt64(hash, 0);
        var code = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[(int)(value % (ulong)Alphabet.Length)];
            value /= (ulong)Alphabet.Length;
        }

        return new string(code);
    }

    /// <summary>The code as typed (any case, surrounding spaces) in its stored form, or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        var code = typed?.Trim().ToUpperInvariant();
        return code is { Length: Length } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    /// <summary>The key codes are derived with: a separate purpose of the tenant-wide lookup secret.</summary>
    public static byte[] DeriveKey(PhoneHashKey secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return HMACSHA256.HashData(secret.Key, "loyalty/referral-code/v1"u8);
    }
}
