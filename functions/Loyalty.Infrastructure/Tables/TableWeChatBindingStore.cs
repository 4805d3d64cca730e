using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// A tenant's WeChat bindings and QR scenes in one partition (the tenant id): <c>openid:{openid}</c> → member,
/// <c>member:{memberId}:{channel}</c> → openid, <c>scene:{scene}</c>. Keeping both directions in one partition lets
/// every change be a single entity-group transaction, so the two can never disagree. A member's scenes are found by their
/// <c>MemberId</c> column inside the <c>scene:</c> range (erasure only).
/// </summary>
public sealed class TableWeChatBindingStore(LoyaltyTables tables) : IWeChatBindingStore
{
    public async Task<WeChatBinding?> FindByOpenIdAsync(string tenantId, string openId, CancellationToken cancellationToken)
    {
        var row = await GetAsync(tenantId, OpenIdRow(openId), cancellationToken);
        return row is null ? null : ToBinding(tenantId, row.GetString("Channel"), openId, row.GetString("MemberId"), row);
    }

    public async Task<WeChatBinding?> FindByMemberAsync(string tenantId, string memberId, string channel, CancellationToken cancellationToken)
    {
        var row = await GetAsync(tenantId, MemberRow(memberId, channel), cancellationToken);
        return row is null ? null : ToBinding(tenantId, channel, row.GetString("OpenId"), memberId, row);
    }

    public async Task<IReadOnlyList<WeChatBinding>> ListByMemberAsync(string tenantId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.WeChatBindings);
        var prefix = $"member:{memberId}:";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {prefix} and RowKey lt {LedgerRows.PrefixEnd(prefix)}");
        var bindings = new List<WeChatBinding>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            bindings.Add(ToBinding(tenantId, row.RowKey[prefix.Length..], row.GetString("OpenId"), memberId, row));
        }

        return bindings;
    }

    public async Task<WeChatScene?> FindSceneAsync(string tenantId, string scene, CancellationToken cancellationToken)
    {
        var row = await GetAsync(tenantId, SceneRow(scene), cancellationToken);
        return row is null ? null : ToScene(tenantId, scene, row);
    }

    public async Task<IReadOnlyList<WeChatScene>> ListScenesByMemberAsync(string tenantId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.WeChatBindings);
        const string prefix = "scene:";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {prefix} and RowKey lt {LedgerRows.PrefixEnd(prefix)} and MemberId eq {memberId}");
        var scenes = new List<WeChatScene>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            scenes.Add(ToScene(tenantId, row.RowKey[prefix.Length..], row));
        }

        return scenes;
    }

    public async Task DeleteSceneAsync(string tenantId, string scene, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.WeChatBindings);
        try
        {
            await table.DeleteEntityAsync(tenantId, SceneRow(scene), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted before (a repeated erasure): nothing left to remove.
        }
    }

    public async Task<WeChatScene> AddSceneAsync(WeChatScene scene, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var table = await tables.GetAsync(LoyaltyTables.WeChatBindings);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(scene), cancellationToken);
            return scene with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindSceneAsync(scene.TenantId, scene.Scene, cancellationToken)
                ?? throw new InvalidOperationException($"Scene {scene.Scene} vanished after a conflicting add.", ex);
        }
    }

    public async Task<bool> CommitAsync(WeChatBindingChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var actions = Actions(change);
        if (actions.Count == 0)
        {
            return true;
        }

        EnsureOnePartition(change.TenantId, actions);
        var table = await tables.GetAsync(LoyaltyTables.WeChatBindings);
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // A guarded row changed, or a row to add appeared (another request bound that openid): nothing was written.
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status is 0 or >= 500)
        {
            throw new IOException("The outcome of the binding batch is unknown.", ex);
        }
    }

    /// <summary>Azure rejects a batch that spans partitions; Azurite does not. The guard makes the rule hold everywhere.</summary>
    internal static void EnsureOnePartition(string partition, IReadOnlyList<TableTransactionAction> actions)
    {
        var stray = actions.FirstOrDefault(a => a.Entity.PartitionKey != partition);
        if (stray is not null)
        {
            throw new InvalidOperationException($"A binding batch for partition '{partition}' contains a row of partition '{stray.Entity.PartitionKey}'.");
        }
    }

    internal static List<TableTransactionAction> Actions(WeChatBindingChange change)
    {
        var actions = new List<TableTransactionAction>();
        if (change.DeleteOpenId is { } oldOpenId)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(oldOpenId.TenantId, OpenIdRow(oldOpenId.OpenId)), Guarded(oldOpenId.ETag)));
        }

        if (change.DeleteMember is { } oldMember)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(oldMember.TenantId, MemberRow(oldMember.MemberId, oldMember.Channel)), Guarded(oldMember.ETag)));
        }

        if (change.AddOpenId is { } added)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, Columns(new TableEntity(added.TenantId, OpenIdRow(added.OpenId)) { ["Channel"] = added.Channel, ["MemberId"] = added.MemberId }, added)));
        }

        if (change.PutMember is { } member)
        {
            var entity = Columns(new TableEntity(member.TenantId, MemberRow(member.MemberId, member.Channel)) { ["OpenId"] = member.OpenId }, member);
            actions.Add(member.ETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(member.ETag)));
        }

        if (change.UseScene is { } scene)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(scene), Guarded(scene.ETag)));
        }

        return actions;
    }

    private static ETag Guarded(string? etag) => etag is null ? throw new InvalidOperationException("A guarded change needs the ETag the row was read with.") : new ETag(etag);

    private static TableEntity Columns(TableEntity entity, WeChatBinding binding)
    {
        entity["BoundAt"] = binding.BoundAt;
        entity["Source"] = binding.Source.ToString();
        return entity;
    }

    private static TableEntity ToEntity(WeChatScene scene) => new(scene.TenantId, SceneRow(scene.Scene))
    {
        ["Channel"] = scene.Channel,
        ["MemberId"] = scene.MemberId,
        ["CreatedAt"] = scene.CreatedAt,
        ["ExpiresAt"] = scene.ExpiresAt,
        ["UsedBy"] = scene.UsedBy,
        ["UsedAt"] = scene.UsedAt,
    };

    private static WeChatBinding ToBinding(string tenantId, string channel, string openId, string memberId, TableEntity row) =>
        new(tenantId, channel, openId, memberId, row.GetDateTimeOffset("BoundAt") ?? DateTimeOffset.UnixEpoch, Enum.Parse<WeChatBindingSource>(row.GetString("Source")))
        {
            ETag = row.ETag.ToString(),
        };

    private static WeChatScene ToScene(string tenantId, string scene, TableEntity row) =>
        new(tenantId, scene, row.GetString("Channel"), row.GetString("MemberId"), row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch, row.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.UnixEpoch)
        {
            UsedBy = row.GetString("UsedBy"),
            UsedAt = row.GetDateTimeOffset("UsedAt"),
            ETag = row.ETag.ToString(),
        };

    private async Task<TableEntity?> GetAsync(string tenantId, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.WeChatBindings);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private static string OpenIdRow(string openId) => $"openid:{openId}";

    private static string MemberRow(string memberId, string channel) => $"member:{memberId}:{channel}";

    private static string SceneRow(string scene) => $"scene:{scene}";
}
