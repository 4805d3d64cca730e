using System.Security.Cryptography;
using System.Text;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// Binds WeChat openids to members, by API or by the member scanning a QR scene issued for them. Each change is read,
/// decided, then committed as one guarded batch; a conflict re-reads and decides again under <see cref="LedgerRetryPolicy"/>,
/// so of two members claiming one openid exactly one wins; the other learns the openid is taken, not by whom.
/// </summary>
public sealed class WeChatBindingService(IWeChatBindingStore store, IWebhookChannelStore channels, ILedgerStore ledger, TimeProvider time, LedgerRetryPolicy? retryPolicy = null)
{
    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    /// <summary>The member an openid of <paramref name="channel"/> is bound to, if any.</summary>
    public async Task<WeChatBinding?> FindAsync(string tenantId, string channel, string openId, CancellationToken cancellationToken) =>
        await store.FindByOpenIdAsync(tenantId, openId, cancellationToken) is { } binding && binding.Channel == channel ? binding : null;

    public async Task<Result<WeChatBinding>> BindAsync(MemberKey member, WeChatBindRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        if (!WeChatIds.IsOpenId(request.OpenId))
        {
            errors.Add(new FieldError("openId", "pattern", "openId must be 6-64 letters, digits, '-' or '_' (the openid WeChat gives this account)."));
        }

        if (await ReadyAsync(member, request.Channel, errors, cancellationToken) is { } error)
        {
            return error;
        }

        return await CommitAsync(() => DecideBindAsync(member, request.Channel!, request.OpenId!, WeChatBindingSource.Api, null, cancellationToken), cancellationToken);
    }

    public async Task<Result<IReadOnlyList<WeChatBinding>>> ListAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return await RefusalAsync(member, cancellationToken) is { } refused
            ? refused
            : Result<IReadOnlyList<WeChatBinding>>.Ok(await store.ListByMemberAsync(member.TenantId, member.MemberId, cancellationToken));
    }

    public async Task<Result<WeChatBinding>> UnbindAsync(MemberKey member, string? channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!MemberKey.IsValidMemberId(channel))
        {
            return Error.Validation("channel", "required", "channel is required: the official-account channel whose binding to remove.");
        }

        if (await RefusalAsync(member, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await CommitAsync(
            async () =>
            {
                var current = await store.FindByMemberAsync(member.TenantId, member.MemberId, channel!, cancellationToken);
                if (current is null)
                {
                    return new Plan(Error.NotFound("wechat-binding-not-found", $"Member '{member.MemberId}' has no WeChat binding on channel '{channel}'."), null);
                }

                var openIdRow = await store.FindByOpenIdAsync(member.TenantId, current.OpenId, cancellationToken);
                return new Plan(current, new WeChatBindingChange(member.TenantId)
                {
                    DeleteMember = current,
                    DeleteOpenId = openIdRow?.MemberId == member.MemberId ? openIdRow : null,
                });
            },
            cancellationToken);
    }

    /// <summary>
    /// Removes every binding of the member, openid rows included, so nothing links the member to a WeChat user any more
    /// (erasure). Works on a closed account too and is safe to repeat; returns how many bindings it removed.
    /// </summary>
    public async Task<Result<int>> UnbindAllAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var removed = 0;
        foreach (var binding in await store.ListByMemberAsync(member.TenantId, member.MemberId, cancellationToken))
        {
            var unbound = await CommitAsync(
                async () =>
                {
                    var current = await store.FindByMemberAsync(member.TenantId, member.MemberId, binding.Channel, cancellationToken);
                    if (current is null)
                    {
                        return new Plan(binding, null);
                    }

                    var openIdRow = await store.FindByOpenIdAsync(member.TenantId, current.OpenId, cancellationToken);
                    return new Plan(current, new WeChatBindingChange(member.TenantId)
                    {
                        DeleteMember = current,
                        DeleteOpenId = openIdRow?.MemberId == member.MemberId ? openIdRow : null,
                    });
                },
                cancellationToken);
            if (!unbound.IsSuccess)
            {
                return unbound.Error;
            }

            removed++;
        }

        return removed;
    }

    /// <summary>A scene named from the member, channel and idempotency key, so a retried request gets the same scene back.</summary>
    public async Task<Result<WeChatScene>> IssueSceneAsync(MemberKey member, WeChatSceneRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        var lifetime = request.ExpiresInSeconds ?? WeChatScene.DefaultLifetimeSeconds;
        if (lifetime is < WeChatScene.MinLifetimeSeconds or > WeChatScene.MaxLifetimeSeconds)
        {
            errors.Add(new FieldError("expiresInSeconds", "range", $"expiresInSeconds must be between {WeChatScene.MinLifetimeSeconds} and {WeChatScene.MaxLifetimeSeconds} (WeChat's 30-day limit for temporary QR codes)."));
        }

        if (await ReadyAsync(member, request.Channel, errors, cancellationToken) is { } error)
        {
            return error;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{member.MemberId}\n{request.Channel}\n{idempotencyKey}"));
        var now = time.GetUtcNow();
        var scene = new WeChatScene(member.TenantId, WeChatScene.Prefix + Convert.ToHexStringLower(hash)[..24], request.Channel!, member.MemberId, now, now.AddSeconds(lifetime));
        var stored = await store.AddSceneAsync(scene, cancellationToken);
        return stored.MemberId == member.MemberId && stored.Channel == scene.Channel
            ? stored
            : Error.Conflict("idempotency-key-reused", "This Idempotency-Key already issued a scene for another request.");
    }

    /// <summary>A push carried a binding scene: bind the scanner's openid to the scene's member, and use the scene up.</summary>
    public async Task<Result<WeChatBinding>> ClaimSceneAsync(WebhookChannel channel, string sceneName, string openId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return await CommitAsync(
            async () =>
            {
                var scene = await store.FindSceneAsync(channel.TenantId, sceneName, cancellationToken);
                if (scene is null || scene.Channel != channel.Channel)
                {
                    return new Plan(Error.NotFound("scene-not-found", "This QR scene was not issued for this channel."), null);
                }

                if (scene.UsedBy is not null && scene.UsedBy != openId)
                {
                    return new Plan(Error.Conflict("scene-used", "This member's QR code was already scanned by another WeChat user."), null);
                }

                if (scene.UsedBy is null && time.GetUtcNow() > scene.ExpiresAt)
                {
                    return new Plan(Error.Rule("scene-expired", "This member's QR code has expired; issue a new one."), null);
                }

                var member = new MemberKey(channel.TenantId, scene.MemberId);
                return await DecideBindAsync(member, channel.Channel, openId, WeChatBindingSource.Scene, scene.UsedBy is null ? scene : null, cancellationToken);
            },
            cancellationToken);
    }

    private async Task<Plan> DecideBindAsync(MemberKey member, string channel, string openId, WeChatBindingSource source, WeChatScene? scene, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var used = scene is null ? null : scene with { UsedBy = openId, UsedAt = now };
        var holder = await store.FindByOpenIdAsync(member.TenantId, openId, cancellationToken);
        if (holder is not null && (holder.MemberId != member.MemberId || holder.Channel != channel))
        {
            return new Plan(Error.Conflict("openid-bound-to-another-member", "This WeChat user is already bound to another member; unbind it there first."), null);
        }

        if (holder is not null)
        {
            return new Plan(holder, used is null ? null : new WeChatBindingChange(member.TenantId) { UseScene = used });
        }

        var current = await store.FindByMemberAsync(member.TenantId, member.MemberId, channel, cancellationToken);
        var previous = current is null ? null : await store.FindByOpenIdAsync(member.TenantId, current.OpenId, cancellationToken);
        var binding = new WeChatBinding(member.TenantId, channel, openId, member.MemberId, now, source);
        return new Plan(binding, new WeChatBindingChange(member.TenantId)
        {
            AddOpenId = binding,
            PutMember = binding with { ETag = current?.ETag },
            DeleteOpenId = previous?.MemberId == member.MemberId ? previous : null,
            UseScene = used,
        });
    }

    private Task<Result<WeChatBinding>> CommitAsync(Func<Task<Plan>> decide, CancellationToken cancellationToken) =>
        _retry.RunAsync<WeChatBinding>(
            async () =>
            {
                var plan = await decide();
                if (plan.Change is null || !plan.Outcome.IsSuccess)
                {
                    return plan.Outcome;
                }

                return await TryCommitAsync(plan.Change, cancellationToken) ? plan.Outcome : Attempt.Again;
            },
            "The binding is being changed by other requests; retry.",
            cancellationToken);

    private async Task<bool> TryCommitAsync(WeChatBindingChange change, CancellationToken cancellationToken)
    {
        try
        {
            return await store.CommitAsync(change, cancellationToken);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // Ambiguous (the batch may have landed): the next round re-reads, and a binding already in place is success.
            return false;
        }
    }

    /// <summary>The checks a member-facing call makes before it decides anything: fields (422), the member (404), the channel (422).</summary>
    private async Task<Error?> ReadyAsync(MemberKey member, string? channel, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (!MemberKey.IsValidMemberId(channel))
        {
            errors.Add(new FieldError("channel", "required", "channel is required: the id of a weChatOfficialAccount webhook channel."));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        if (await RefusalAsync(member, cancellationToken) is { } refused)
        {
            return refused;
        }

        var configured = await channels.GetAsync(member.TenantId, channel!, cancellationToken);
        return configured?.Scheme == SignatureScheme.WeChatOfficialAccount
            ? null
            : Error.Validation("channel", "wechat-channel", $"'{channel}' is not a weChatOfficialAccount webhook channel of this tenant.");
    }

    /// <summary>Null for an open account; otherwise why not (unknown, erased or merged).</summary>
    private async Task<Error?> RefusalAsync(MemberKey member, CancellationToken cancellationToken) =>
        MemberService.Refusal(member, MemberKey.IsValidMemberId(member.MemberId) ? await ledger.GetAccountAsync(member, cancellationToken) : null);

    private sealed record Plan(Result<WeChatBinding> Outcome, WeChatBindingChange? Change);
}
