using System.Text;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Security;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// The ledger in Table Storage: one member is one partition, and every change is one entity-group transaction whose
/// first action replaces the account row with If-Match on the ETag that was read. Any concurrent change makes the
/// whole batch fail (412) and nothing of it is applied.
/// </summary>
public sealed class TableLedgerStore(LoyaltyTables tables, FieldCipher cipher) : ILedgerStore
{
    private const int AccountActionIndex = 0;
    private const int IdempotencyActionIndex = 1;

    public async Task<bool> CreateAccountAsync(MemberAccount account, IReadOnlyList<PointsLot> lots, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var table = await tables.GetAsync(LoyaltyTables.Ledger);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, LedgerRows.ToEntity(account, cipher)) };
        actions.AddRange(lots.Select(l => new TableTransactionAction(TableTransactionActionType.Add, LedgerRows.ToEntity(account.Key, l))));
        actions.AddRange(entries.Select(e => new TableTransactionAction(TableTransactionActionType.Add, LedgerRows.ToEntity(account.Key, e))));
        try
        {
            await SubmitAsync(table, account.Key, actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is null or AccountActionIndex)
        {
            return false;
        }
    }

    public async Task<MemberLedgerState?> LoadAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var table = await tables.GetAsync(LoyaltyTables.Ledger);
        var account = await table.GetEntityIfExistsAsync<TableEntity>(member.PartitionKey, LedgerRows.AccountRowKey, cancellationToken: cancellationToken);
        if (!account.HasValue || account.Value is null)
        {
            return null;
        }

        // Lots must be read AFTER the account: every change to lots also changes the account row, so a change
        // landing after this ETag was read fails the later If-Match. Read in the other order (or in parallel), a
        // commit in between would pair old lots with a new ETag and let two spends use the same points.
        var lots = await ReadLotsAsync(table, member, cancellationToken);
        var holds = await ReadActiveHoldsAsync(table, member, cancellationToken);
        return new MemberLedgerState(LedgerRows.ToAccount(account.Value, cipher), lots, account.Value.ETag.ToString()) { Holds = holds };
    }

    public async Task<MemberAccount?> GetAccountAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var table = await tables.GetAsync(LoyaltyTables.Ledger);
        var account = await table.GetEntityIfExistsAsync<TableEntity>(member.PartitionKey, LedgerRows.AccountRowKey, cancellationToken: cancellationToken);
        return account.HasValue && account.Value is not null ? LedgerRows.ToAccount(account.Value, cipher) : null;
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(MemberKey member, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var table = await tables.GetAsync(LoyaltyTables.Ledger);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(member.PartitionKey, LedgerRows.IdempotencyRowKey(idempotencyKey), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is not null ? LedgerRows.ToIdempotency(row.Value) : null;
    }

    public async Task<CommitResult> CommitAsync(LedgerChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var member = changes.Account.Key;
        var table = await tables.GetAsync(LoyaltyTables.Ledger);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, LedgerRows.ToEntity(changes.Account, cipher), new ETag(changes.ExpectedETag)),
            new(TableTransactionActionType.Add, LedgerRows.ToEntity(member, changes.Idempotency)),
        };
        actions.AddRange(changes.Entries.Select(e => new TableTransactionAction(TableTransactionActionType.Add, LedgerRows.ToEntity(member, e))));
        actions.AddRange(changes.UpsertLots.Select(l => new TableTransactionAction(TableTransactionActionType.UpsertReplace, LedgerRows.ToEntity(member, l))));
        actions.AddRange(changes.DeleteLots.Select(l => new TableTransactionAction(TableTransactionActionType.Delete, LedgerRows.ToEntity(member, l), ETag.All)));
        actions.AddRange(changes.UpsertHolds.Select(h => new TableTransactionAction(TableTransactionActionType.UpsertReplace, LedgerRows.ToEntity(member, h))));
        try
        {
            await SubmitAsync(table, member, actions, cancellationToken);
            return CommitResult.Committed;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            return CommitResult.Conflict;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex == IdempotencyActionIndex)
        {
            return CommitResult.DuplicateIdempotencyKey;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is null)
        {
            // Without an index we cannot tell which row collided; re-reading resolves it either way.
            return CommitResult.DuplicateIdempotencyKey;
        }
        catch (RequestFailedException ex) when (ex.Status is 0 or >= 500)
        {
            // A server error or a lost connection says nothing about whether the batch landed (azure-sdk-for-net#39146).
            // The ledger treats this as ambiguous: it re-reads, and the idempotency row decides.
            throw new IOException("The outcome of the ledger batch is unknown.", ex);
        }
    }

    public async Task<LedgerPage> QueryEntriesAsync(MemberKey member, LedgerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(query);
        var table = await tables.GetAsync(LoyaltyTables.Ledger);
        var filter = new StringBuilder(TableClient.CreateQueryFilter($"PartitionKey eq {member.PartitionKey}"));
        var lower = query.To is { } to ? $"{LedgerRows.EntryPrefix}{LedgerRows.InvertedTicks(to.AddTicks(-1))}" : LedgerRows.EntryPrefix;
        var upper = query.From is { } from ? $"{LedgerRows.EntryPrefix}{LedgerRows.InvertedTicks(from.AddTicks(-1))}" : LedgerRows.PrefixEnd(LedgerRows.EntryPrefix);
        filter.Append(TableClient.CreateQueryFilter($" and RowKey ge {lower} and RowKey lt {upper}"));
        if (query.Types is { Count: > 0 } types)
        {
            filter.Append(" and (").Append(string.Join(" or ", types.Select(t => TableClient.CreateQueryFilter($"Type eq {t.ToString()}")))).Append(')');
        }

        var pages = table.QueryAsync<TableEntity>(filter.ToString(), query.PageSize, cancellationToken: cancellationToken)
            .AsPages(ContinuationTokens.Decode(query.ContinuationToken), query.PageSize);
        try
        {
            await foreach (var page in pages)
            {
                return new LedgerPage([.. page.Values.Select(LedgerRows.ToEntry)], ContinuationTokens.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && query.ContinuationToken is not null)
        {
            throw new InvalidContinuationTokenException(ex);
        }

        return new LedgerPage([], null);
    }

    public async Task<PointsHold?> FindHoldAsync(MemberKey member, string holdId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var table = await tables.GetAsync(LoyaltyTables.Ledger);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(member.PartitionKey, LedgerRows.HoldRowKey(holdId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is not null ? LedgerRows.ToHold(row.Value) : null;
    }

    /// <summary>Azure rejects a batch that spans partitions; Azurite does not. The guard makes the rule hold everywhere.</summary>
    internal static void EnsureSinglePartition(MemberKey member, IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count > LedgerChangeSet.MaxRows)
        {
            throw new InvalidOperationException($"A batch holds at most {LedgerChangeSet.MaxRows} rows; this one has {actions.Count}.");
        }

        var stray = actions.FirstOrDefault(a => a.Entity.PartitionKey != member.PartitionKey);
        if (stray is not null)
        {
            throw new InvalidOperationException($"A batch for partition '{member.PartitionKey}' contains a row of partition '{stray.Entity.PartitionKey}'.");
        }
    }

    private static async Task SubmitAsync(TableClient table, MemberKey member, List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        EnsureSinglePartition(member, actions);
        await table.SubmitTransactionAsync(actions, cancellationToken);
    }

    private static async Task<List<PointsLot>> ReadLotsAsync(TableClient table, MemberKey member, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {member.PartitionKey} and RowKey ge {LedgerRows.LotPrefix} and RowKey lt {LedgerRows.PrefixEnd(LedgerRows.LotPrefix)}");
        var lots = new List<PointsLot>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            lots.Add(LedgerRows.ToLot(row));
        }

        return lots;
    }

    private static async Task<List<PointsHold>> ReadActiveHoldsAsync(TableClient table, MemberKey member, CancellationToken cancellationToken)
    {
        var active = nameof(HoldStatus.Active);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {member.PartitionKey} and RowKey ge {LedgerRows.HoldPrefix} and RowKey lt {LedgerRows.PrefixEnd(LedgerRows.HoldPrefix)} and Status eq {active}");
        var holds = new List<PointsHold>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            holds.Add(LedgerRows.ToHold(row));
        }

        return holds;
    }
}
