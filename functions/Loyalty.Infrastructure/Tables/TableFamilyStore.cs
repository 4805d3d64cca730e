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
    private readonly JsonRecordTable<FamilyInvitation> _invitations = new(tables, LoyaltyTables.Family, i => i.ETag, (i, etag) => i with { ETag = etag }, recordColumn: "Invitation");

    public async Task<FamilyInvitation> AddOrGetInvitationAsync(FamilyInvitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return (await _invitations.AddOrGetAsync(InvitationPartition(invitation.TenantId), invitation.InvitationId, invitation, Columns(invitation), cancellationToken)).Record;
    }

    public Task<FamilyInvitation?> GetInvitationAsync(string tenantId, string invitationId, CancellationToken cancellationToken) =>
        _invitations.GetAsync(InvitationPartition(tenantId), invitationId, cancellationToken);

    public Task<bool> TryUpdateInvitationAsync(FamilyInvitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return _invitations.TryUpdateAsync(InvitationPartition(invitation.TenantId), invitation.InvitationId, invitation, Columns(invitation), cancellationToken);
    }

    public async Task BindAsync(string tenantId, string memberId, string otherMemberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Family);
        await table.UpsertEntityAsync(new TableEntity(MemberPartition(tenantId, memberId), otherMemberId) { ["BoundAt"] = at }, TableUpdateMode.Replace, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(MemberPartition(tenantId, otherMemberId), memberId) { ["BoundAt"] = at }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> UnbindAsync(string tenantId, string memberId, string otherMemberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Family);
        var mine = await table.DeleteEntityAsync(MemberPartition(tenantId, memberId), otherMemberId, ETag.All, cancellationToken);
        var theirs = await table.DeleteEntityAsync(MemberPartition(tenantId, otherMemberId), memberId, ETag.All, cancellationToken);
        return mine.Status != 404 || theirs.Status != 404;
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

    private static Dictionary<string, object?> Columns(FamilyInvitation invitation) => new() { ["Status"] = invitation.Status.ToString() };
}
