using Loyalty.Core.Audit;
using Loyalty.Core.Common;
using Loyalty.Core.Family;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Referrals;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Members;

/// <summary>
/// Collects <see cref="MemberExport"/>: the member's partition (account, lots, every entry) and what the entries point
/// to (holds, redemptions), the bindings and code kept by member id, and the audit log filtered to the member. Reads
/// only: collecting writes nothing (not even a referral code the member does not have yet); the function then records the
/// export itself in the admin audit, so earlier exports show in the audit part of a later one. An erased member has
/// nothing left to export (404 <c>member-erased</c>).
/// </summary>
public sealed class MemberExportService(
    ILedgerStore ledger,
    ProgramService programs,
    IFamilyStore family,
    IWeChatBindingStore wechat,
    ReferralCodes codes,
    IRedemptionStore redemptions,
    AdminAudit audit,
    TimeProvider time)
{
    private const int PageSize = 1000;

    public async Task<Result<MemberExport>> ExportAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var state = MemberKey.IsValidMemberId(member.MemberId) ? await ledger.LoadAsync(member, cancellationToken) : null;
        if (state is null || state.Account.Status == MemberStatus.Erased)
        {
            return state is null ? MemberService.MemberNotFound(member) : MemberService.MemberClosed(state.Account);
        }

        var now = time.GetUtcNow();
        var program = await programs.GetAsync(member.TenantId, cancellationToken);
        var entries = await EntriesAsync(member, cancellationToken);
        var audited = await AuditAsync(member, cancellationToken);
        if (!audited.IsSuccess)
        {
            return audited.Error;
        }

        var view = state.AsOf(now);
        return new MemberExport
        {
            ExportedAt = now,
            Profile = ExportedProfile.From(state.Account),
            Preferences = MemberPreferencesView.From(state.Account),
            Balance = MemberSummary.From(state, now, program.Rules),
            Lots = [.. view.Lots.Where(l => !l.IsExpired(now)).OrderBy(l => l.ExpiresAt).ThenBy(l => l.EarnedAt)],
            Ledger = entries,
            Holds = await HoldsAsync(member, entries, cancellationToken),
            Family = await family.ListAsync(member.TenantId, member.MemberId, cancellationToken),
            WeChat = [.. (await wechat.ListByMemberAsync(member.TenantId, member.MemberId, cancellationToken)).Select(ExportedWeChatBinding.From)],
            ReferralCode = await codes.GetAsync(member, cancellationToken),
            Redemptions = await RedemptionsAsync(member, entries, cancellationToken),
            ProfileHistory = [.. entries.Where(e => e.Type == LedgerEntryType.Profile)],
            Audit = audited.Value,
        };
    }

    private async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(MemberKey member, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        var query = new LedgerQuery(PageSize: PageSize);
        do
        {
            var page = await ledger.QueryEntriesAsync(member, query, cancellationToken);
            entries.AddRange(page.Entries);
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        return entries;
    }

    /// <summary>Every hold entry names its hold; the hold row says how it ended.</summary>
    private async Task<IReadOnlyList<PointsHold>> HoldsAsync(MemberKey member, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var holds = new List<PointsHold>();
        foreach (var holdId in entries.Where(e => e.Type == LedgerEntryType.Hold).Select(e => e.Details.GetValueOrDefault("holdId")).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await ledger.FindHoldAsync(member, holdId, cancellationToken) is { } hold)
            {
                holds.Add(hold);
            }
        }

        return holds;
    }

    /// <summary>Every redemption debit names its redemption.</summary>
    private async Task<IReadOnlyList<ExportedRedemption>> RedemptionsAsync(MemberKey member, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var found = new List<ExportedRedemption>();
        foreach (var redemptionId in entries.Where(e => e.Type == LedgerEntryType.Spend && e.Details.ContainsKey("giftId")).Select(e => e.Reference).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await redemptions.GetAsync(member.TenantId, redemptionId, cancellationToken) is { } record && record.MemberId == member.MemberId)
            {
                found.Add(ExportedRedemption.From(record));
            }
        }

        return found;
    }

    private async Task<Result<IReadOnlyList<AuditRecord>>> AuditAsync(MemberKey member, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        var query = new AuditQuery(MemberId: member.MemberId, PageSize: 200);
        do
        {
            var page = await audit.ListAsync(member.TenantId, query, cancellationToken);
            if (!page.IsSuccess)
            {
                return page.Error;
            }

            records.AddRange(page.Value.Records);
            query = query with { ContinuationToken = page.Value.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        return records;
    }
}
