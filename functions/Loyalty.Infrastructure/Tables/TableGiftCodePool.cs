using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Gifts;
using Loyalty.Core.Ledger;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// A virtual gift's codes in partition <c>{tenant}:{giftId}</c>: <c>code:{code}</c> (free or issued) and
/// <c>issued:{redemptionId}</c>. A claim flips one free code with If-Match and adds the redemption's row in the same
/// batch, so a code is issued once and a retried claim finds the code it already got.
/// </summary>
public sealed class TableGiftCodePool(LoyaltyTables tables, LedgerRetryPolicy? retryPolicy = null) : IGiftCodePool
{
    public const string TableName = "giftcodes";
    private const string Free = "free";
    private const string Issued = "issued";
    private const int BatchSize = 100;
    private const int ClaimCandidates = 20;
    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    public async Task<int> AddAsync(string tenantId, string giftId, IReadOnlyList<string> codes, string loadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var table = await tables.GetAsync(TableName);
        var partition = Partition(tenantId, giftId);
        var ours = 0;
        foreach (var chunk in codes.Chunk(BatchSize))
        {
            var rows = chunk.Select(c => new TableEntity(partition, CodeRow(c)) { ["Status"] = Free, ["Code"] = c, ["LoadId"] = loadId }).ToList();
            try
            {
                await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
                ours += rows.Count;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // Some codes exist (a retried load, or codes loaded before): add the rest one by one.
                foreach (var row in rows)
                {
                    ours += await AddOneAsync(table, row, loadId, cancellationToken) ? 1 : 0;
                }
            }
        }

        return ours;
    }

    public async Task<string?> ClaimAsync(string tenantId, string giftId, string redemptionId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var partition = Partition(tenantId, giftId);
        return await _retry.RunOrThrowAsync<string?>(
            async () =>
            {
                var issued = await table.GetEntityIfExistsAsync<TableEntity>(partition, IssuedRow(redemptionId), cancellationToken: cancellationToken);
                if (issued.HasValue && issued.Value is { } held)
                {
                    return held.GetString("Code");
                }

                var candidates = new List<TableEntity>();
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Status eq {Free}");
                await foreach (var page in table.QueryAsync<TableEntity>(filter, ClaimCandidates, cancellationToken: cancellationToken).AsPages(pageSizeHint: ClaimCandidates))
                {
                    candidates.AddRange(page.Values);
                    break;
                }

                if (candidates.Count == 0)
                {
                    return (string?)null;
                }

                // A random candidate, so concurrent claims rarely fight over the same code.
                var code = candidates[RandomNumberGenerator.GetInt32(candidates.Count)];
                code["Status"] = Issued;
                code["RedemptionId"] = redemptionId;
                try
                {
                    await table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, code, code.ETag),
                        new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, IssuedRow(redemptionId)) { ["Code"] = code.GetString("Code") }),
                    ], cancellationToken);
                    return code.GetString("Code");
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
                {
                    // Someone else took that code, or this redemption's claim landed meanwhile: look again.
                    return Attempt.Again;
                }
            },
            $"Could not claim a code of gift {tenantId}/{giftId}.",
            cancellationToken);
    }

    private static async Task<bool> AddOneAsync(TableClient table, TableEntity row, string loadId, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            return existing.Value.GetString("LoadId") == loadId;
        }
    }

    private static string Partition(string tenantId, string giftId) => $"{tenantId}:{giftId}";

    private static string CodeRow(string code) => $"code:{code}";

    private static string IssuedRow(string redemptionId) => $"issued:{redemptionId}";
}
