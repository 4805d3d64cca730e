using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Security;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Per-tenant member list (partition = tenant, row = member id) and phone claims (partition = tenant:phone, row = keyed
/// phone hash). The list is filtered by the table service itself, inside the tenant's partition: never a ledger scan.
/// Names are stored encrypted; the list matches them through keyed prefix tokens.
/// </summary>
public sealed class TableMemberDirectory(LoyaltyTables tables, PhoneHashKey lookupKey, FieldCipher cipher) : IMemberDirectory
{
    public async Task<PhoneClaim?> GetPhoneClaimAsync(string tenantId, string phoneHash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Members);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PhonePartition(tenantId), phoneHash, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new PhoneClaim(phoneHash, e.GetString("MemberId"), e.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.UnixEpoch, e.ETag.ToString())
            : null;
    }

    public async Task<bool> TryAddPhoneClaimAsync(string tenantId, string phoneHash, string memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Members);
        try
        {
            await table.AddEntityAsync(ClaimRow(tenantId, phoneHash, memberId, at), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplacePhoneClaimAsync(string tenantId, PhoneClaim stale, string memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stale);
        var table = await tables.GetAsync(LoyaltyTables.Members);
        try
        {
            await table.UpdateEntityAsync(ClaimRow(tenantId, stale.PhoneHash, memberId, at), new ETag(stale.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task ReleasePhoneAsync(string tenantId, string phoneHash, string memberId, DateTimeOffset claimedBefore, CancellationToken cancellationToken)
    {
        var claim = await GetPhoneClaimAsync(tenantId, phoneHash, cancellationToken);
        if (claim is null || claim.MemberId != memberId || claim.ClaimedAt > claimedBefore)
        {
            return;
        }

        var table = await tables.GetAsync(LoyaltyTables.Members);
        try
        {
            await table.DeleteEntityAsync(PhonePartition(tenantId), phoneHash, new ETag(claim.ETag), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Released or claimed again meanwhile: either way it is no longer this release's to remove.
        }
    }

    public async Task UpsertAsync(MemberAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var table = await tables.GetAsync(LoyaltyTables.Members);
        var row = new TableEntity(account.Key.TenantId, account.Key.MemberId)
        {
            ["PhoneMasked"] = PhoneNumber.Parse(account.Phone)?.Masked,
            ["RegisteredAt"] = account.RegisteredAt,
            ["Tier"] = account.Tier,
            ["StoreId"] = account.StoreId,
            ["Status"] = account.Status.ToString(),
        };
        row.Set(cipher, "Name", account.Name);
        for (var length = 1; length <= NamePrefix.MaxLength && account.Name is not null; length++)
        {
            row[NameTokenColumn(length)] = NamePrefix.Token(lookupKey.Key, account.Name, length);
        }

        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(string tenantId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Members);
        try
        {
            await table.DeleteEntityAsync(tenantId, memberId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: removing is what was asked.
        }
    }

    public async Task<MemberPage> ListAsync(string tenantId, MemberListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await tables.GetAsync(LoyaltyTables.Members);
        var pages = table.QueryAsync<TableEntity>(Filter(tenantId, query), query.PageSize, cancellationToken: cancellationToken)
            .AsPages(ContinuationTokens.Decode(query.ContinuationToken), query.PageSize);
        try
        {
            await foreach (var page in pages)
            {
                var members = page.Values
                    .Where(e => query.Q is not { } q || e.RowKey.StartsWith(q, StringComparison.Ordinal) || NamePrefix.Matches(e.GetDecrypted(cipher, "Name"), q))
                    .Select(ToItem)
                    .ToList();
                return new MemberPage(members, ContinuationTokens.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && query.ContinuationToken is not null)
        {
            throw new InvalidContinuationTokenException(ex);
        }

        return new MemberPage([], null);
    }

    /// <summary>Every condition is evaluated by the table service within the tenant's partition.</summary>
    internal static string Filter(string tenantId, MemberListQuery query)
    {
        var filter = new StringBuilder(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"));
        if (query.Tier is { } tier)
        {
            filter.Append(TableClient.CreateQueryFilter($" and Tier eq {tier}"));
        }

        if (query.StoreId is { } store)
        {
            filter.Append(TableClient.CreateQueryFilter($" and StoreId eq {store}"));
        }

        if (query.RegisteredFrom is { } from)
        {
            filter.Append(TableClient.CreateQueryFilter($" and RegisteredAt ge {from}"));
        }

        if (query.RegisteredTo is { } to)
        {
            filter.Append(TableClient.CreateQueryFilter($" and RegisteredAt lt {to}"));
        }

        if (query.Q is { } q)
        {
            // Member ids are ASCII letters, digits and "_.-", all below '~': [q, q~) is exactly the ids starting with q.
            var byId = TableClient.CreateQueryFilter($"(RowKey ge {q} and RowKey lt {q + "~"})");
            filter.Append(" and (").Append(byId);
            if (query.NameToken is { } token)
            {
                // The column name is part of the filter's text; only the token is a quoted value.
                filter.Append(" or ").Append(NameTokenColumn(query.NameTokenLength)).Append(TableClient.CreateQueryFilter($" eq {token}"));
            }

            filter.Append(')');
        }

        return filter.ToString();
    }

    private MemberListItem ToItem(TableEntity e) => new(
        e.RowKey,
        e.GetDecrypted(cipher, "Name"),
        e.GetString("PhoneMasked"),
        e.GetString("Tier") ?? "normal",
        e.GetString("StoreId"),
        e.GetDateTimeOffset("RegisteredAt") ?? DateTimeOffset.UnixEpoch,
        Enum.TryParse<MemberStatus>(e.GetString("Status"), out var status) ? status : MemberStatus.Active);

    private static string NameTokenColumn(int length) => "NameToken" + length.ToString(CultureInfo.InvariantCulture);

    private static TableEntity ClaimRow(string tenantId, string phoneHash, string memberId, DateTimeOffset at) =>
        new(PhonePartition(tenantId), phoneHash) { ["MemberId"] = memberId, ["ClaimedAt"] = at };

    private static string PhonePartition(string tenantId) => $"{tenantId}:phone";
}
