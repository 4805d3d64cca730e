using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Gifts;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Gifts in one partition per tenant: <c>gift:{giftId}</c> (definition + Stock column), <c>res:{giftId}:{redemptionId}</c>,
/// <c>count:{giftId}:{memberId}</c> and <c>adj:{giftId}:{hash}</c>. Every stock change is one batch whose first action
/// merges the new Stock into the gift row with If-Match, so concurrent changes cannot both land.
/// </summary>
public sealed class TableGiftCatalog(LoyaltyTables tables) : IGiftCatalog
{
    public const string TableName = "gifts";
    private const string GiftPrefix = "gift:";
    private const int ReservationActionIndex = 1;
    private const int AdjustmentActionIndex = 1;

    public async Task<Gift?> GetAsync(string tenantId, string giftId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, GiftRow(giftId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToGift(e) : null;
    }

    public async Task<GiftPage> ListAsync(string tenantId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {GiftPrefix} and RowKey lt {"gift;"}");
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(ContinuationTokens.Decode(continuationToken), pageSize))
            {
                return new GiftPage([.. page.Values.Select(ToGift)], ContinuationTokens.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && continuationToken is not null)
        {
            throw new InvalidContinuationTokenException(ex);
        }

        return new GiftPage([], null);
    }

    public async Task<bool> AddAsync(Gift gift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gift);
        var table = await tables.GetAsync(TableName);
        try
        {
            await table.AddEntityAsync(ToEntity(gift), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(Gift gift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gift);
        var table = await tables.GetAsync(TableName);
        try
        {
            await table.UpdateEntityAsync(ToEntity(gift), RequiredETag(gift), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<GiftReservation?> FindReservationAsync(string tenantId, string giftId, string redemptionId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, ReservationRow(giftId, redemptionId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? StorageJson.Deserialize<GiftReservation>(e.GetString("Reservation")) with { ETag = e.ETag.ToString() }
            : null;
    }

    public async Task<MemberGiftCount> GetMemberCountAsync(string tenantId, string giftId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, CountRow(giftId, memberId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? new MemberGiftCount(e.GetInt32("Count") ?? 0, e.ETag.ToString()) : new MemberGiftCount(0, null);
    }

    public async Task<StockWrite> TryReserveAsync(Gift gift, MemberGiftCount count, GiftReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gift);
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(reservation);
        var countRow = new TableEntity(gift.TenantId, CountRow(gift.GiftId, reservation.MemberId)) { ["Count"] = count.Count + 1 };
        List<TableTransactionAction> actions =
        [
            StockAction(gift, gift.Stock - 1),
            new(TableTransactionActionType.Add, ToEntity(reservation)),
            count.ETag is null
                ? new(TableTransactionActionType.Add, countRow)
                : new(TableTransactionActionType.UpdateReplace, countRow, new ETag(count.ETag)),
        ];
        return await SubmitAsync(gift.TenantId, actions, ReservationActionIndex, cancellationToken);
    }

    public async Task<StockWrite> TryReleaseAsync(Gift gift, MemberGiftCount count, GiftReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gift);
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(reservation);
        List<TableTransactionAction> actions =
        [
            StockAction(gift, gift.Stock + 1),
            new(TableTransactionActionType.UpdateReplace, ToEntity(reservation), new ETag(reservation.ETag ?? throw new ArgumentException("A reservation to release must have been read.", nameof(reservation)))),
        ];
        if (count.ETag is not null)
        {
            var countRow = new TableEntity(gift.TenantId, CountRow(gift.GiftId, reservation.MemberId)) { ["Count"] = Math.Max(0, count.Count - 1) };
            actions.Add(new(TableTransactionActionType.UpdateReplace, countRow, new ETag(count.ETag)));
        }

        return await SubmitAsync(gift.TenantId, actions, duplicateIndex: null, cancellationToken);
    }

    public async Task<bool> HasStockAdjustmentAsync(string tenantId, string giftId, string adjustmentId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, AdjustmentRow(giftId, adjustmentId), cancellationToken: cancellationToken);
        return row.HasValue;
    }

    public async Task<StockWrite> TryAdjustStockAsync(Gift gift, long delta, string adjustmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gift);
        List<TableTransactionAction> actions =
        [
            StockAction(gift, gift.Stock + delta),
            new(TableTransactionActionType.Add, new TableEntity(gift.TenantId, AdjustmentRow(gift.GiftId, adjustmentId)) { ["Delta"] = delta, ["AdjustmentId"] = adjustmentId }),
        ];
        return await SubmitAsync(gift.TenantId, actions, AdjustmentActionIndex, cancellationToken);
    }

    /// <summary>Azure rejects a batch that spans partitions; Azurite does not. The guard makes the rule hold everywhere.</summary>
    internal static void EnsureSinglePartition(string partitionKey, IReadOnlyList<TableTransactionAction> actions)
    {
        var stray = actions.FirstOrDefault(a => a.Entity.PartitionKey != partitionKey);
        if (stray is not null)
        {
            throw new InvalidOperationException($"A batch for partition '{partitionKey}' contains a row of partition '{stray.Entity.PartitionKey}'.");
        }
    }

    private async Task<StockWrite> SubmitAsync(string partitionKey, List<TableTransactionAction> actions, int? duplicateIndex, CancellationToken cancellationToken)
    {
        EnsureSinglePartition(partitionKey, actions);
        var table = await tables.GetAsync(TableName);
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return StockWrite.Committed;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && duplicateIndex is not null && ex.FailedTransactionActionIndex == duplicateIndex)
        {
            return StockWrite.Duplicate;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return StockWrite.Conflict;
        }
    }

    private static TableTransactionAction StockAction(Gift gift, long stock) =>
        new(TableTransactionActionType.UpdateMerge, new TableEntity(gift.TenantId, GiftRow(gift.GiftId)) { ["Stock"] = stock }, RequiredETag(gift));

    private static ETag RequiredETag(Gift gift) =>
        new(gift.ETag ?? throw new ArgumentException("A gift to change must have been read (it has no ETag).", nameof(gift)));

    private static string GiftRow(string giftId) => GiftPrefix + giftId;

    private static string ReservationRow(string giftId, string redemptionId) => $"res:{giftId}:{redemptionId}";

    private static string CountRow(string giftId, string memberId) => $"count:{giftId}:{memberId}";

    // Adjustment ids are client idempotency keys: hashed so any characters make a valid row key.
    private static string AdjustmentRow(string giftId, string adjustmentId) =>
        $"adj:{giftId}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(adjustmentId)))}";

    private static TableEntity ToEntity(Gift gift) => new(gift.TenantId, GiftRow(gift.GiftId))
    {
        ["Name"] = gift.Name,
        ["Kind"] = gift.Kind.ToString(),
        ["Stock"] = gift.Stock,
        ["Definition"] = StorageJson.Serialize(gift with { ETag = null }),
    };

    private static Gift ToGift(TableEntity e) =>
        StorageJson.Deserialize<Gift>(e.GetString("Definition")) with { Stock = e.GetInt64("Stock") ?? 0, ETag = e.ETag.ToString() };

    private static TableEntity ToEntity(GiftReservation reservation) => new(reservation.TenantId, ReservationRow(reservation.GiftId, reservation.RedemptionId))
    {
        ["MemberId"] = reservation.MemberId,
        ["Status"] = reservation.Status.ToString(),
        ["Reservation"] = StorageJson.Serialize(reservation with { ETag = null }),
    };
}
