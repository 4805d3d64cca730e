using Loyalty.Core.Common;
using Loyalty.Core.Family;
using Loyalty.Core.Members;

namespace Loyalty.Core.Sagas;

/// <summary>
/// The sagas of one kind (family transfers, merges) from or to a member and not yet at their end, found through the
/// small index of sagas in flight: while one runs, the member's points are in motion, so an erasure or another merge
/// of that member waits for it.
/// </summary>
public sealed class SagasInFlight(IPendingSagas sagas, ITransferStore transfers, IMergeStore merges, TimeProvider time)
{
    public const string PendingTransfersCode = "member-has-pending-transfers";
    public const string PendingMergeCode = "member-has-pending-merge";

    /// <summary>In-flight sagas of the tenant read to find the member's; they are few (each lives for seconds).</summary>
    public const int MaxRead = 500;

    /// <summary>A 409 naming the sagas of <paramref name="kind"/> touching the member still in flight, or null.</summary>
    public async Task<Error?> CheckAsync(SagaKind kind, MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (kind is not (SagaKind.Transfer or SagaKind.Merge))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only transfers and merges run between two members.");
        }

        var pending = new List<string>();
        foreach (var saga in await sagas.ListStartedBeforeAsync(member.TenantId, time.GetUtcNow().AddDays(1), MaxRead, cancellationToken))
        {
            if (saga.Kind == kind && await InFlightAsync(saga, cancellationToken) is { } parties
                && (parties.From == member.MemberId || parties.To == member.MemberId))
            {
                pending.Add(parties.Name);
            }
        }

        return pending.Count switch
        {
            0 => null,
            _ when kind == SagaKind.Transfer => Error.Conflict(PendingTransfersCode, $"Member '{member.MemberId}' has {pending.Count} family transfer(s) still in flight ({string.Join(", ", pending)}); they finish within minutes, retry then."),
            _ => Error.Conflict(PendingMergeCode, $"Member '{member.MemberId}' is part of a merge still in flight ({string.Join(", ", pending)}); it finishes within minutes (the tidy-up completes it), retry then."),
        };
    }

    /// <summary>The two members of a saga still between its steps, and how the refusal names it; null once it has ended.</summary>
    private async Task<(string From, string To, string Name)?> InFlightAsync(PendingSaga saga, CancellationToken cancellationToken)
    {
        if (saga.Kind == SagaKind.Transfer)
        {
            return await transfers.GetAsync(saga.TenantId, saga.Id, cancellationToken) is { Status: TransferStatus.Pending or TransferStatus.Debited } transfer
                ? (transfer.FromMemberId, transfer.ToMemberId, transfer.TransferId)
                : null;
        }

        return await merges.GetAsync(saga.TenantId, saga.Id, cancellationToken) is { } merge && MergeRecord.InFlight(merge)
            ? (merge.FromMemberId, merge.ToMemberId, $"'{merge.FromMemberId}' into '{merge.ToMemberId}'")
            : null;
    }
}
