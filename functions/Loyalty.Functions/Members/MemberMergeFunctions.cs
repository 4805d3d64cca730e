using System.Globalization;
using Loyalty.Core.Audit;
using Loyalty.Core.Members;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Members;

/// <summary>Merging the duplicate account of one person into the account kept (admin, audited once it completed).</summary>
public sealed class MemberMergeFunctions(ApiEndpoint endpoint, MergeService merges, AdminAudit audit)
{
    [Function("MergeMember")]
    public Task<IActionResult> Merge(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/merge")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<MergeRequest>(req, [ApiKeyScope.Admin], Headers.RequiredIdempotencyKey, async (caller, _, body) =>
        {
            var merged = await merges.MergeAsync(new MemberKey(caller.TenantId, memberId), body, cancellationToken);
            if (merged.IsSuccess && merged.Value.Status == MergeStatus.Completed)
            {
                await audit.RecordAsync(Audited(caller, merged.Value), cancellationToken);
            }

            return merged.ToHttp(req, m => ApiResult.Ok(MergeView.From(m)));
        }, cancellationToken);

    /// <summary>One record per merge (its id is the source's), written again onto the same row by a replay.</summary>
    private static AuditRecord Audited(TenantCaller caller, MergeRecord merge) => new()
    {
        TenantId = merge.TenantId,
        ActionId = $"merge:{merge.MergeId}",
        Action = AuditAction.Merge,
        KeyId = caller.KeyId,
        At = merge.CreatedAt,
        MemberId = merge.ToMemberId,
        Subject = merge.FromMemberId,
        Details = new Dictionary<string, string>
        {
            ["points"] = merge.Points.ToString(CultureInfo.InvariantCulture),
            ["outEntryId"] = merge.OutEntryId ?? string.Empty,
            ["inEntryId"] = merge.InEntryId ?? string.Empty,
        },
    };
}
