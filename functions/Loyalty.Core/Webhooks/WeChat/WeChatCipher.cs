using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Loyalty.Core.Common;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// WeChat's message encryption (消息加解密): AES-256-CBC with the key <c>base64(EncodingAESKey + "=")</c> and its first
/// 16 bytes as the IV, over <c>16 random bytes + 4-byte big-endian length + message + AppID</c>, PKCS#7-padded to
/// 32-byte blocks (not AES's 16), base64 on the wire. Decryption checks the AppID, so a message encrypted for another
/// official account is refused.
/// </summary>
public static class WeChatCipher
{
    public const int RandomLength = 16;
    private const int PadBlock = 32;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The 32-byte AES key of a 43-character EncodingAESKey.</summary>
    public static byte[] Key(string encodingAesKey)
    {
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        var key = Convert.FromBase64String(encodingAesKey + "=");
        return key.Length == 32 ? key : throw new ArgumentException("An EncodingAESKey is 43 base64 characters (32 bytes).", nameof(encodingAesKey));
    }

    /// <param name="random">The 16 random bytes WeChat puts before the length; fresh ones for every reply.</param>
    public static string Encrypt(string encodingAesKey, string appId, string message, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(appId);
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"WeChat messages start with {RandomLength} random bytes.", nameof(random));
        }

        var text = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(appId);
        var length = RandomLength + 4 + text.Length + id.Length;
        var pad = PadBlock - (length % PadBlock);
        var plain = new byte[length + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), text.Length);
        text.CopyTo(plain, RandomLength + 4);
        id.CopyTo(plain, RandomLength + 4 + text.Length);
        plain.AsSpan(length).Fill((byte)pad);

        var key = Key(encodingAesKey);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>The message inside <paramref name="encrypted"/>; an error when it is not base64 ciphertext of this key or was made for another AppID.</summary>
    public static Result<string> Decrypt(string encodingAesKey, string appId, string encrypted)
    {
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentNullException.ThrowIfNull(encrypted);
        var cipher = new byte[encrypted.Length];
        if (!Convert.TryFromBase64String(encrypted, cipher, out var cipherLength) || cipherLength < PadBlock || cipherLength % 16 != 0)
        {
            return Undecryptable("Encrypt is not base64 AES ciphertext.");
        }

        var key = Key(encodingAesKey);
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(cipher.AsSpan(0, cipherLength), key.AsSpan(0, 16), PaddingMode.None);
        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad))
        {
            return Undecryptable("The decrypted message is not padded as WeChat pads it: wrong EncodingAESKey?");
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomLength + 4)
        {
            return Undecryptable("The decrypted message is too short.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(content[RandomLength..]);
        if (length < 0 || length > content.Length - RandomLength - 4)
        {
            return Undecryptable("The decrypted message length does not fit: wrong EncodingAESKey?");
        }

        var body = content.Slice(RandomLength + 4, length);
        var sender = content[(RandomLength + 4 + length)..];
        if (!sender.SequenceEqual(Encoding.UTF8.GetBytes(appId)))
        {
            return new Error(ErrorKind.Unauthorized, "appid-mismatch", "The message was encrypted for another official account (AppID).");
        }

        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Undecryptable("The decrypted message is not UTF-8.");
        }
    }

    private static Error Undecryptable(string message) => Error.BadRequest("decrypt-failed", message, "Encrypt");
}
