namespace Loyalty.Core.Webhooks;

/// <summary>The parts of a webhook call that prove who sent it, and its body.</summary>
public sealed record WebhookRequest(string TenantId, string Channel, string? Timestamp, string? Nonce, string? Signature, string Body)
{
    /// <summary>WeChat safe mode: <c>msg_signature</c>, which covers the encrypted body.</summary>
    public string? MessageSignature { get; init; }

    /// <summary>WeChat: <c>encrypt_type=aes</c> when the body is encrypted.</summary>
    public string? EncryptType { get; init; }

    public bool IsEncrypted => string.Equals(EncryptType, "aes", StringComparison.OrdinalIgnoreCase);
}
