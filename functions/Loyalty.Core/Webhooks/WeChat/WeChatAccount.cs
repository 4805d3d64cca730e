namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>The official account a channel speaks for: its AppID (checked inside every decrypted message), EncodingAESKey and mode.</summary>
public sealed record WeChatAccount(string AppId, string? EncodingAesKey, WeChatMode Mode);
