using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Referrals;

/// <summary>Referrals as members and merchants see them: the member's code and link, and the members they referred.</summary>
public sealed class ReferralService(ILedgerStore ledger, ReferralCodes codes, ProgramService programs, IReferralStore referrals)
{
    /// <summary>The members <paramref name="member"/> referred (and refused attempts with their reason), oldest first, with the rewarded count and points in all.</summary>
    public async Task<Result<ReferralList>> ListAsync(MemberKey member, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var account = MemberKey.IsValidMemberId(member.MemberId) ? await ledger.GetAccountAsync(member, cancellationToken) : null;
        if (account is null || account.Status == MemberStatus.Erased)
        {
            return account is null ? MemberService.MemberNotFound(member) : MemberService.MemberClosed(account);
        }

        try
        {
            var page = await referrals.ListByReferrerAsync(member.TenantId, member.MemberId, pageSize, continuationToken, cancellationToken);
            var tally = await referrals.GetTallyAsync(member.TenantId, member.MemberId, cancellationToken);
            return new ReferralList(member.MemberId, tally.Lifetime, tally.PointsEarned, [.. page.Referrals.Select(ReferralView.From)], page.ContinuationToken);
        }
        catch (InvalidContinuationTokenException)
        {
            return Error.BadRequest("invalid-continuation-token", "continuationToken was not issued by this API for this query.", "continuationToken");
        }
    }

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
