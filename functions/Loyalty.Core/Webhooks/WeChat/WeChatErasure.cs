using Loyalty.Core.Common;
using Loyalty.Core.Members;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// Removes everything WeChat-related kept about a member (erasure): the message log records of the member's openids
/// (those bound now, those that used the member's scenes, and those the log's records for the member name) and of the
/// pushes handled for them, the QR scenes issued for them, and the bindings. The openids are read from the
/// bindings and the used scenes first and the log goes before them, so a retry after a crash still knows every openid
/// whose records remain; once the bindings are gone, a second pass by member id removes records of pushes that arrived
/// while the erasure ran. Every step is safe to repeat.
/// </summary>
public sealed class WeChatErasure(IWeChatBindingStore store, IWeChatMessageLog log, WeChatBindingService bindings)
{
    public async Task<Result<int>> EraseAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var scenes = await store.ListScenesByMemberAsync(member.TenantId, member.MemberId, cancellationToken);
        var openIds = (await store.ListByMemberAsync(member.TenantId, member.MemberId, cancellationToken)).Select(b => b.OpenId)
            .Concat(scenes.Select(s => s.UsedBy).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        await log.EraseAsync(member.TenantId, member.MemberId, openIds, cancellationToken);
        foreach (var scene in scenes)
        {
            await store.DeleteSceneAsync(member.TenantId, scene.Scene, cancellationToken);
        }

        var unbound = await bindings.UnbindAllAsync(member, cancellationToken);
        if (!unbound.IsSuccess)
        {
            return unbound.Error;
        }

        await log.EraseAsync(member.TenantId, member.MemberId, openIds, cancellationToken);
        return unbound;
    }
}
