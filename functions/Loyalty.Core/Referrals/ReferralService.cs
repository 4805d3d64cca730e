using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Referrals;

/// <summary>Referrals as members and merchants see them: the member's code and link.</summary>
public sealed class ReferralService(ILedgerStore ledger, ReferralCodes codes, ProgramService programs)
{
    public async Task<Result<ReferralCard>> GetCardAsync(MemberKey member, CancellationToken cancellationToken)
    {
        var account = await OpenAccountAsync(member, cancellationToken);
        if (!account.IsSuccess)
        {
            return account.Error;
        }

        var code = await codes.EnsureAsync(member, cancellationToken);
        var rules = (await programs.GetAsync(member.TenantId, cancellationToken)).Rules.Referrals;
        return new ReferralCard(member.MemberId, code, rules.LinkFor(code), rules.Enabled);
    }

    private async Task<Result<MemberAccount>> OpenAccountAsync(MemberKey member, CancellationToken cancellationToken)
    {
        var account = MemberKey.IsValidMemberId(member.MemberId) ? await ledger.GetAccountAsync(member, cancellationToken) : null;
        return account switch
        {
            null => MemberService.MemberNotFound(member),
            { IsOpen: false } => MemberService.MemberClosed(account),
            _ => account,
        };
    }
}
