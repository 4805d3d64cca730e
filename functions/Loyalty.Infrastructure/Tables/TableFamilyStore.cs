using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Family;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Invitations in partition <c>{tenant}:invitations</c>; bindings as one row per side in partition
/// <c>{tenant}:{member}</c> (row key = the other member), so listing a member's family is one partition read.
/// </summary>
public sealed class TableFamilyStore(LoyaltyTables tables) : IFamilyStore
{
    public async Task<FamilyInvitation> AddOrGetInvitationAsync(FamilyInvitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var table = await tables.GetAsync(LoyaltyTables.Family);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(invitation), cancellationToken);
            return invitation with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetInvitationAsync(invitation.TenantId, invitation.InvitationId, cancellationToken)
                ?? throw new InvalidOperationException("The invitation vanished after a conflicting add.", ex);
        }
    }

    public async Task<FamilyInvitation?> GetInvitationAsync(string tenantId, string invitationId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Family);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(InvitationPartition(tenantId), invitationId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? StorageJson.Deserialize<FamilyInvitation>(e.GetString("Invitation")) with { ETag = e.ETag.ToString() }
            : null;
    }

    public async Task<bool> TryUpdateInvitationAsync(FamilyInvitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var table = await tables.GetAsync(LoyaltyTables.Family);
        try
        {
            await table.UpdateEntityAsync(ToEntity(invitation), invitation.ETag is null ? ETag.All : new ETag(invitation.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task BindAsync(string tenantId, string memberId, string otherMemberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Family);
        await table.UpsertEntityAsync(new TableEntity(MemberPartition(tenantId, memberId), otherMemberId) { ["BoundAt"] = at }, TableUpdateMode.Replace, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(MemberPartition(tenantId, otherMemberId), memberId) { ["BoundAt"] = at }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string tenantId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Family);
        var members = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == MemberPartition(tenantId, memberId), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            members.Add(row.RowKey);
        }

        return members;
    }

    private static string InvitationPartition(string tenantId) => $"{tenantId}:invitations";

    // Member ids cannot contain ':', so a member's partition never collides with the invitations partition.
    private static string MemberPartition(string tenantId, string memberId) => $"{tenantId}:member:{memberId}";

    private static TableEntity ToEntity(FamilyInvitation invitation) => new(InvitationPartition(invitation.TenantId), invitation.InvitationId)
    {
        ["Status"] = invitation.Status.ToString(),
        ["Invitation"] = StorageJson.Serialize(invitation with { ETag = null }),
    };
}
