using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Loyalty.Core.Sagas;

namespace Loyalty.Core.Family;

/// <summary>Family transfers from or to a member not yet at their end, found through the small index of sagas in flight.</summary>
public sealed class TransfersInFlight(IPendingSagas sagas, ITransferStore transfers, TimeProvider time)
{
    public const string Code = "member-has-pending-transfers";

    /// <summary>In-flight sagas of the tenant read to find the member's; they are few (each lives for seconds).</summary>
    public const int MaxRead = 500;

    /// <summary>A 409 naming the member's transfers still in flight, or null.</summary>
    public async Task<Error?> CheckAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var pending = new List<string>();
        foreach (var saga in await sagas.ListStartedBeforeAsync(member.TenantId, time.GetUtcNow().AddDays(1), MaxRead, cancellationToken))
        {
            if (saga.Kind == SagaKind.Transfer
                && await transfers.GetAsync(member.TenantId, saga.Id, cancellationToken) is { Status: TransferStatus.Pending or TransferStatus.Debited } transfer
                && (transfer.FromMemberId == member.MemberId || transfer.ToMemberId == member.MemberId))
            {
                pending.Add(transfer.TransferId);
            }
        }

        return pending.Count == 0
            ? null
            : Error.Conflict(Code, $"Member '{member.MemberId}' has {pending.Count} family transfer(s) still in flight ({string.Join(", ", pending)}); they finish within minutes, retry then.");
    }
}
