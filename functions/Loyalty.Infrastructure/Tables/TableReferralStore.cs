using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Referrals;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Referrals: partition = tenant, so every change is one entity-group transaction. Rows: <c>referee:{id}</c> (the
/// referee's referral; added only if absent, so the first code wins), <c>by:{referrer}:{referee}</c> (the referrer's
/// copy, and the only row of a refused attempt), <c>tally:{referrer}</c> (rewards counted for the caps) and
/// <c>open:{referee}</c> (present exactly while the referral is open: what the restart timer reads).
/// </summary>
public sealed class TableReferralStore(LoyaltyTables tables) : IReferralStore
{
    private const string RecordColumn = "Record";

    public async Task<Referral?> GetAsync(string tenantId, string refereeId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Referrals);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, RefereeRow(refereeId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? Read(e) : null;
    }

    public async Task<(Referral Referral, bool Added)> AddOrGetAsync(Referral referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var table = await tables.GetAsync(LoyaltyTables.Referrals);
        try
        {
            var response = await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, Row(referral, RefereeRow(referral.RefereeId))),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(referral, ByRow(referral.ReferrerId, referral.RefereeId))),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(referral.TenantId, OpenRow(referral.RefereeId))),
                ],
                cancellationToken);
            return (referral with { ETag = response.Value[0].Headers.ETag?.ToString() }, true);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            var stored = await GetAsync(referral.TenantId, referral.RefereeId, cancellationToken)
                ?? throw new InvalidOperationException($"Referral of {referral.RefereeId} vanished after a conflicting add.", ex);
            return (stored, false);
        }
    }

    public async Task RecordRejectedAsync(Referral rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var table = await tables.GetAsync(LoyaltyTables.Referrals);
        await table.UpsertEntityAsync(Row(rejected, ByRow(rejected.ReferrerId, rejected.RefereeId)), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> TryUpdateAsync(Referral current, Referral changed, ReferrerTally? tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changed);
        if (current.TenantId != changed.TenantId || current.RefereeId != changed.RefereeId || current.ReferrerId != changed.ReferrerId)
        {
            throw new InvalidOperationException("A referral update must keep its tenant, referee and referrer (one partition, one row).");
        }

        var etag = current.ETag is null ? ETag.All : new ETag(current.ETag);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, Row(changed, RefereeRow(changed.RefereeId)), etag),
            new(TableTransactionActionType.UpsertReplace, Row(changed, ByRow(changed.ReferrerId, changed.RefereeId))),
        };
        if (tally is not null)
        {
            var entity = TallyRow(changed.TenantId, tally);
            actions.Add(tally.ETag is null
                ? new(TableTransactionActionType.Add, entity)
                : new(TableTransactionActionType.UpdateReplace, entity, new ETag(tally.ETag)));
        }

        if (current.IsOpen && !changed.IsOpen)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(changed.TenantId, OpenRow(changed.RefereeId)), ETag.All));
        }

        var table = await tables.GetAsync(LoyaltyTables.Referrals);
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409 or 404)
        {
            return false;
        }
    }

    public async Task<ReferrerTally> GetTallyAsync(string tenantId, string referrerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Referrals);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, TallyKey(referrerId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new ReferrerTally(referrerId, e.GetInt32("Lifetime") ?? 0, e.GetString("Month") ?? string.Empty, e.GetInt32("InMonth") ?? 0, e.GetInt64("PointsEarned") ?? 0) { ETag = e.ETag.ToString() }
            : ReferrerTally.None(referrerId);
    }

    public async Task<ReferralPage> ListByReferrerAsync(string tenantId, string referrerId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Referrals);
        var prefix = $"by:{referrerId}:";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(ContinuationTokens.Decode(continuationToken), pageSize))
            {
                return new ReferralPage([.. page.Values.Select(Read)], ContinuationTokens.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && continuationToken is not null)
        {
            throw new InvalidContinuationTokenException(ex);
        }

        return new ReferralPage([], null);
    }

    public async Task<IReadOnlyList<string>> ListOpenAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Referrals);
        const string prefix = "open:";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");
        var open = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            open.Add(row.RowKey[prefix.Length..]);
        }

        return open;
    }

    private static Referral Read(TableEntity entity) => StorageJson.Deserialize<Referral>(entity.GetString(RecordColumn)) with { ETag = entity.ETag.ToString() };

    private static TableEntity Row(Referral referral, string rowKey) => new(referral.TenantId, rowKey)
    {
        [RecordColumn] = StorageJson.Serialize(referral with { ETag = null }),
        ["Status"] = referral.Status.ToString(),
    };

    private static TableEntity TallyRow(string tenantId, ReferrerTally tally) => new(tenantId, TallyKey(tally.ReferrerId))
    {
        ["Lifetime"] = tally.Lifetime,
        ["Month"] = tally.Month,
        ["InMonth"] = tally.InMonth,
        ["PointsEarned"] = tally.PointsEarned,
    };

    /// <summary>The first key after every key starting with <paramref name="prefix"/> (its last character, ':', moved on by one).</summary>
    private static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static string RefereeRow(string refereeId) => $"referee:{refereeId}";

    private static string ByRow(string referrerId, string refereeId) => $"by:{referrerId}:{refereeId}";

    private static string TallyKey(string referrerId) => $"tally:{referrerId}";

    private static string OpenRow(string refereeId) => $"open:{refereeId}";
}
