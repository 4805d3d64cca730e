using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Members;

/// <summary>
/// Changes the profile on the account row and writes a <see cref="LedgerEntryType.Profile"/> entry to the member's
/// history naming the changed fields — never their values, so the history holds nothing personal. A change that
/// changes nothing writes no entry. <paramref name="Digest"/> is a keyed digest of the request (its fingerprint),
/// computed by the caller so no personal value is hashed without the key.
/// </summary>
public sealed record ChangeProfile(string IdempotencyKey, ProfileChanges Changes, string Digest) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => Digest;

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (!transaction.Account.IsOpen)
        {
            return MemberService.MemberClosed(transaction.Account);
        }

        var (account, changed) = Changes.ApplyTo(transaction.Account);
        if (changed.Count == 0)
        {
            return Result<LedgerEntry?>.Ok(null);
        }

        transaction.UpdateAccount(_ => account);
        return transaction.Note(LedgerEntryType.Profile, null, $"Profile changed: {string.Join(", ", changed)}", new Dictionary<string, string> { ["fields"] = string.Join(',', changed) });
    }
}
