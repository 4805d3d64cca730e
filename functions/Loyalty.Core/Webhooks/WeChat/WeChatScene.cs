namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// A member-specific QR scene (<c>scene_str</c>): the merchant turns it into a QR code with WeChat's qrcode API; when the
/// member scans it WeChat pushes SCAN (or subscribe with <c>qrscene_</c> + scene), which binds the scanner's openid to
/// the member. Single-use and short-lived, so a photo of someone else's code binds nobody later.
/// </summary>
public sealed record WeChatScene(string TenantId, string Scene, string Channel, string MemberId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Binding scenes start with this; program scan rules may not use it.</summary>
    public const string Prefix = "bind_";

    public const int MinLifetimeSeconds = 60;

    /// <summary>WeChat's temporary QR codes live at most 30 days.</summary>
    public const int MaxLifetimeSeconds = 2_592_000;

    public const int DefaultLifetimeSeconds = 600;

    public string? UsedBy { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    public string? ETag { get; init; }

    public static bool IsBindingScene(string? scene) => scene is not null && scene.StartsWith(Prefix, StringComparison.Ordinal);
}
