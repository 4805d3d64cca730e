using Loyalty.Core.Ledger;

namespace Loyalty.Core.Members;

/// <summary>Contacts read from the member's account row (one point read; the store decrypts the phone number).</summary>
public sealed class MemberContacts(ILedgerStore ledger) : IMemberContacts
{
    public async Task<MemberContact?> GetAsync(string tenantId, string memberId, CancellationToken cancellationToken)
    {
        if (!MemberKey.IsValidMemberId(memberId))
        {
            return null;
        }

        var account = await ledger.GetAccountAsync(new MemberKey(tenantId, memberId), cancellationToken);
        return account is null || !account.IsOpen
            ? null
            : new MemberContact(account.Phone, account.Language, account.SmsAllowed && account.Phone is not null);
    }
}
