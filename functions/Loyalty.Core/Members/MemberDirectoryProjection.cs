using Loyalty.Core.Ledger;

namespace Loyalty.Core.Members;

/// <summary>
/// Keeps the member directory (the admin list) current: after a batch that changed what the list shows — a profile
/// change, a new tier, a merge or an erasure — the member's directory row is rewritten from the account row just
/// committed. The account row stays the truth; a directory write lost to a crash is redone by the member's next such
/// change or by registration's own upsert. An erased member's row is deleted instead, never rewritten.
/// </summary>
public sealed class MemberDirectoryProjection(ILedgerStore inner, IMemberDirectory directory) : DelegatingLedgerStore(inner)
{
    private static readonly HashSet<LedgerEntryType> Listed =
        [LedgerEntryType.Profile, LedgerEntryType.Tier, LedgerEntryType.MergeOut, LedgerEntryType.Forfeit];

    public override async Task<CommitResult> CommitAsync(LedgerChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var result = await Inner.CommitAsync(changes, cancellationToken);
        if (result == CommitResult.Committed && changes.Entries.Any(e => Listed.Contains(e.Type)))
        {
            await (changes.Account.Status == MemberStatus.Erased
                ? directory.RemoveAsync(changes.Account.Key.TenantId, changes.Account.Key.MemberId, cancellationToken)
                : directory.UpsertAsync(changes.Account, cancellationToken));
        }

        return result;
    }
}
