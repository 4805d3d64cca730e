using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Infrastructure.Security;

/// <summary>
/// Encrypts one field with AES-256-GCM under the ring's current key: a fresh 12-byte nonce, the 16-byte tag, and the
/// row and field as associated data, so a ciphertext copied into another member's row or another column fails to open.
/// The key id is stored beside the value; a value with no key id is a plaintext row written before encryption.
/// </summary>
public sealed class FieldCipher(FieldKeyRing ring)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string CurrentKeyId => ring.CurrentKeyId;

    public string Encrypt(string plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[NonceBytes + clear.Length + TagBytes];
        var nonce = sealedValue.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(ring.Key(ring.CurrentKeyId)!, TagBytes);
        aes.Encrypt(nonce, clear, sealedValue.AsSpan(NonceBytes, clear.Length), sealedValue.AsSpan(NonceBytes + clear.Length), Encoding.UTF8.GetBytes(context));
        return Convert.ToBase64String(sealedValue);
    }

    public string Decrypt(string keyId, string ciphertext, string context)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        var key = ring.Key(keyId)
            ?? throw new CryptographicException($"Field key '{keyId}' is not in Security__FieldKeys; keep every key listed until no stored value names it.");
        var sealedValue = Convert.FromBase64String(ciphertext);
        if (sealedValue.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The encrypted field is too short to hold a nonce and a tag.");
        }

        var length = sealedValue.Length - NonceBytes - TagBytes;
        var clear = new byte[length];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedValue.AsSpan(0, NonceBytes), sealedValue.AsSpan(NonceBytes, length), sealedValue.AsSpan(NonceBytes + length), clear, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(clear);
    }
}
