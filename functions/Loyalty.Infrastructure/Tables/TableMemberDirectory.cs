using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Per-tenant member list (partition = tenant) and phone lookups (partition = tenant:phone).</summary>
public sealed class TableMemberDirectory(LoyaltyTables tables) : IMemberDirectory
{
    public async Task<string> ClaimPhoneAsync(string tenantId, string phoneHash, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Members);
        try
        {
            await table.AddEntityAsync(new TableEntity(PhonePartition(tenantId), phoneHash) { ["MemberId"] = memberId }, cancellationToken);
            return memberId;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindByPhoneAsync(tenantId, phoneHash, cancellationToken) ?? memberId;
        }
    }

    public async Task<string?> FindByPhoneAsync(string tenantId, string phoneHash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Members);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PhonePartition(tenantId), phoneHash, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? e.GetString("MemberId") : null;
    }

    public async Task UpsertAsync(MemberAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var table = await tables.GetAsync(LoyaltyTables.Members);
        await table.UpsertEntityAsync(
            new TableEntity(account.Key.TenantId, account.Key.MemberId)
            {
                ["Name"] = account.Name,
                ["PhoneHash"] = account.PhoneHash,
                ["RegisteredAt"] = account.RegisteredAt,
                ["Tier"] = account.Tier,
            },
            TableUpdateMode.Merge,
            cancellationToken);
    }

    private static string PhonePartition(string tenantId) => $"{tenantId}:phone";
}
