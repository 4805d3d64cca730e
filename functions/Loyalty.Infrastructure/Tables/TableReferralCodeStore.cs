using Azure.Data.Tables;
using Loyalty.Core.Members;
using Loyalty.Core.Referrals;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Referral codes: partition = tenant, rows <c>code:{code}</c> (→ member) and <c>member:{memberId}</c> (→ code), added
/// together in one batch so a code never exists without its member's row, nor a member with two codes.
/// </summary>
public sealed class TableReferralCodeStore(LoyaltyTables tables) : IReferralCodeStore
{
    public async Task<string?> GetCodeAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return await ReadAsync(member.TenantId, MemberRow(member.MemberId), "Code", cancellationToken);
    }

    public Task<string?> FindMemberAsync(string tenantId, string code, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, CodeRow(code), "MemberId", cancellationToken);

    public async Task<CodeAssignment> TryAssignAsync(MemberKey member, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var table = await tables.GetAsync(LoyaltyTables.ReferralCodes);
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(member.TenantId, CodeRow(code)) { ["MemberId"] = member.MemberId }),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(member.TenantId, MemberRow(member.MemberId)) { ["Code"] = code }),
                ],
                cancellationToken);
            return CodeAssignment.Assigned;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Which row existed decides: the member's own row means they have a code; otherwise the code is someone else's.
            return await GetCodeAsync(member, cancellationToken) is null ? CodeAssignment.CodeTaken : CodeAssignment.MemberHasCode;
        }
    }

    private async Task<string?> ReadAsync(string tenantId, string rowKey, string column, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.ReferralCodes);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, [column], cancellationToken);
        return row.HasValue && row.Value is { } e ? e.GetString(column) : null;
    }

    private static string CodeRow(string code) => $"code:{code}";

    private static string MemberRow(string memberId) => $"member:{memberId}";
}
