namespace Loyalty.Core.Webhooks.WeChat;

/// <summary><c>PUT /members/{id}/wechat</c>: bind this openid of this official-account channel to the member.</summary>
public sealed record WeChatBindRequest(string? Channel, string? OpenId);

/// <summary><c>POST /members/{id}/wechat/scenes</c>: a single-use QR scene that binds whoever scans it first to the member.</summary>
public sealed record WeChatSceneRequest(string? Channel, int? ExpiresInSeconds);
