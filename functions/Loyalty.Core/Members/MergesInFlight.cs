using Loyalty.Core.Common;
using Loyalty.Core.Sagas;

namespace Loyalty.Core.Members;

/// <summary>Merges from or into a member not yet at their end, found through the small index of sagas in flight.</summary>
public sealed class MergesInFlight(IPendingSagas sagas, IMergeStore merges, TimeProvider time)
{
    public const string Code = "member-has-pending-merge";

    /// <summary>In-flight sagas of the tenant read to find the member's; they are few (each lives for seconds).</summary>
    public const int MaxRead = 500;

    /// <summary>A 409 naming the merges from or into the member still in flight, or null.</summary>
    public async Task<Error?> CheckAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var pending = new List<string>();
        foreach (var saga in await sagas.ListStartedBeforeAsync(member.TenantId, time.GetUtcNow().AddDays(1), MaxRead, cancellationToken))
        {
            if (saga.Kind == SagaKind.Merge
                && await merges.GetAsync(member.TenantId, saga.Id, cancellationToken) is { } merge
                && MergeRecord.InFlight(merge)
                && (merge.FromMemberId == member.MemberId || merge.ToMemberId == member.MemberId))
            {
                pending.Add($"'{merge.FromMemberId}' into '{merge.ToMemberId}'");
            }
        }

        return pending.Count == 0
            ? null
            : Error.Conflict(Code, $"Member '{member.MemberId}' is part of a merge still in flight ({string.Join(", ", pending)}); it finishes within minutes (the tidy-up completes it), retry then.");
    }
}
