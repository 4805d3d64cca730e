namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>The official account's message encryption mode (消息加解密方式), as set in the WeChat console.</summary>
public enum WeChatMode
{
    /// <summary>明文模式: plain XML, <c>signature</c> over token, timestamp and nonce only.</summary>
    Plain,

    /// <summary>兼容模式: WeChat sends the plain fields and the encrypted copy; the encrypted copy is the one read.</summary>
    Compatible,

    /// <summary>安全模式: only the encrypted copy, <c>msg_signature</c> covering it; replies go back encrypted.</summary>
    Safe,
}
