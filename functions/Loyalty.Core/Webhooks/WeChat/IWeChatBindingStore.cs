namespace Loyalty.Core.Webhooks.WeChat;

public interface IWeChatBindingStore
{
    Task<WeChatBinding?> FindByOpenIdAsync(string tenantId, string openId, CancellationToken cancellationToken);

    Task<WeChatBinding?> FindByMemberAsync(string tenantId, string memberId, string channel, CancellationToken cancellationToken);

    Task<IReadOnlyList<WeChatBinding>> ListByMemberAsync(string tenantId, string memberId, CancellationToken cancellationToken);

    Task<WeChatScene?> FindSceneAsync(string tenantId, string scene, CancellationToken cancellationToken);

    /// <summary>The QR scenes issued for the member, used or not, expired or not.</summary>
    Task<IReadOnlyList<WeChatScene>> ListScenesByMemberAsync(string tenantId, string memberId, CancellationToken cancellationToken);

    /// <summary>Deletes the scene whatever its state (erasure); a scene already gone is no error. A claim racing it re-reads and finds no scene.</summary>
    Task DeleteSceneAsync(string tenantId, string scene, CancellationToken cancellationToken);

    /// <summary>Stores a new scene, or returns the one already stored under its name.</summary>
    Task<WeChatScene> AddSceneAsync(WeChatScene scene, CancellationToken cancellationToken);

    /// <summary>False when a guarded row changed (or an added one appeared) since it was read: nothing was written; re-read and decide again.</summary>
    Task<bool> CommitAsync(WeChatBindingChange change, CancellationToken cancellationToken);
}
