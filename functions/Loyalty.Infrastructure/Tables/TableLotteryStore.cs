using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Lottery;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// One partition per lottery (<c>{tenant}:{lottery}</c>): the <c>lottery</c> row (definition + remaining stock) and
/// one <c>draw:{id}</c> row per draw. Taking a prize writes the draw and the stock in one batch, If-Match on the
/// lottery row, so two draws can never take the last prize twice.
/// </summary>
public sealed class TableLotteryStore(LoyaltyTables tables) : ILotteryStore
{
    private const string LotteryRow = "lottery";

    public async Task<Lottery?> GetAsync(string tenantId, string lotteryId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Lotteries);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, lotteryId), LotteryRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? StorageJson.Deserialize<Lottery>(e.GetString("Lottery")) with { ETag = e.ETag.ToString() }
            : null;
    }

    public async Task<bool> TrySaveAsync(Lottery lottery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lottery);
        var table = await tables.GetAsync(LoyaltyTables.Lotteries);
        try
        {
            if (lottery.ETag is null)
            {
                await table.AddEntityAsync(ToEntity(lottery), cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(ToEntity(lottery), new ETag(lottery.ETag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<LotteryDraw?> GetDrawAsync(string tenantId, string lotteryId, string drawId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Lotteries);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, lotteryId), DrawRow(drawId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? StorageJson.Deserialize<LotteryDraw>(e.GetString("Draw")) with { ETag = e.ETag.ToString() }
            : null;
    }

    public async Task<ReserveResult> TryReserveAsync(Lottery lottery, LotteryDraw draw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lottery);
        ArgumentNullException.ThrowIfNull(draw);
        if (lottery.Prizes.Any(p => p.Stock < 0))
        {
            throw new InvalidOperationException("A draw may never take stock below zero.");
        }

        var table = await tables.GetAsync(LoyaltyTables.Lotteries);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, ToEntity(lottery.TenantId, draw)),
            new(TableTransactionActionType.UpdateReplace, ToEntity(lottery), new ETag(lottery.ETag!)),
        ];
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return ReserveResult.Reserved;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return ReserveResult.DrawExists;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            return ReserveResult.Conflict;
        }
    }

    public async Task<bool> TryUpdateAsync(Lottery lottery, LotteryDraw draw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lottery);
        ArgumentNullException.ThrowIfNull(draw);
        var table = await tables.GetAsync(LoyaltyTables.Lotteries);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpdateReplace, ToEntity(lottery.TenantId, draw), new ETag(draw.ETag!)),
            new(TableTransactionActionType.UpdateReplace, ToEntity(lottery), new ETag(lottery.ETag!)),
        ];
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> TryUpdateDrawAsync(string tenantId, LotteryDraw draw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var table = await tables.GetAsync(LoyaltyTables.Lotteries);
        try
        {
            await table.UpdateEntityAsync(ToEntity(tenantId, draw), new ETag(draw.ETag!), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private static string Partition(string tenantId, string lotteryId) => $"{tenantId}:{lotteryId}";

    private static string DrawRow(string drawId) => $"draw:{drawId}";

    private static TableEntity ToEntity(Lottery lottery) => new(Partition(lottery.TenantId, lottery.LotteryId), LotteryRow)
    {
        ["Version"] = lottery.Version,
        ["Lottery"] = StorageJson.Serialize(lottery with { ETag = null }),
    };

    private static TableEntity ToEntity(string tenantId, LotteryDraw draw) => new(Partition(tenantId, draw.LotteryId), DrawRow(draw.DrawId))
    {
        ["Status"] = draw.Status.ToString(),
        ["MemberId"] = draw.MemberId,
        ["Draw"] = StorageJson.Serialize(draw with { ETag = null }),
    };
}
