using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Donations;
using Loyalty.Core.Ledger;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// One partition per project (<c>{tenant}:{project}</c>): the <c>project</c> row with its totals and one
/// <c>receipt:{number}</c> row per donation. A donation adds its receipt and updates the totals in one batch
/// (If-Match), so a total can never miss or double-count a receipt.
/// </summary>
public sealed class TableCharityStore(LoyaltyTables tables, LedgerRetryPolicy? retryPolicy = null) : ICharityStore
{
    private const string ProjectRow = "project";
    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    public async Task<CharityProject?> GetAsync(string tenantId, string projectId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Charity);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, projectId), ProjectRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? StorageJson.Deserialize<CharityProject>(e.GetString("Project")) with { ETag = e.ETag.ToString() }
            : null;
    }

    public async Task<CharityProject> SaveAsync(CharityProject project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var table = await tables.GetAsync(LoyaltyTables.Charity);
        return await _retry.RunOrThrowAsync<CharityProject>(
            async () =>
            {
                var existing = await GetAsync(project.TenantId, project.ProjectId, cancellationToken);
                var saved = project with { TotalPoints = existing?.TotalPoints ?? 0, Donations = existing?.Donations ?? 0 };
                try
                {
                    var response = existing is null
                        ? await table.AddEntityAsync(ToEntity(saved), cancellationToken)
                        : await table.UpdateEntityAsync(ToEntity(saved), new ETag(existing.ETag!), TableUpdateMode.Replace, cancellationToken);
                    return saved with { ETag = response.Headers.ETag?.ToString() };
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Someone else (a donation) changed the row: re-read the totals and try again.
                    return Attempt.Again;
                }
            },
            $"Project {project.ProjectId} kept changing while it was being saved.",
            cancellationToken);
    }

    public async Task RecordAsync(string tenantId, DonationReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var table = await tables.GetAsync(LoyaltyTables.Charity);
        var partition = Partition(tenantId, receipt.ProjectId);
        await _retry.RunOrThrowAsync<bool>(
            async () =>
            {
                var project = await GetAsync(tenantId, receipt.ProjectId, cancellationToken)
                    ?? throw new InvalidOperationException($"Project {receipt.ProjectId} vanished.");
                var counted = project with { TotalPoints = project.TotalPoints + receipt.Points, Donations = project.Donations + 1 };
                TableTransactionAction[] actions =
                [
                    new(TableTransactionActionType.Add, new TableEntity(partition, $"receipt:{receipt.ReceiptNumber}") { ["Receipt"] = StorageJson.Serialize(receipt), ["MemberId"] = receipt.MemberId, ["Points"] = receipt.Points }),
                    new(TableTransactionActionType.UpdateReplace, ToEntity(counted), new ETag(project.ETag!)),
                ];
                try
                {
                    await table.SubmitTransactionAsync(actions, cancellationToken);
                    return true;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    // The receipt row exists: this donation was counted already.
                    return true;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 412)
                {
                    return Attempt.Again;
                }
            },
            $"Project {receipt.ProjectId} stayed too busy to count receipt {receipt.ReceiptNumber}; a retry counts it.",
            cancellationToken);
    }

    private static string Partition(string tenantId, string projectId) => $"{tenantId}:{projectId}";

    private static TableEntity ToEntity(CharityProject project) => new(Partition(project.TenantId, project.ProjectId), ProjectRow)
    {
        ["TotalPoints"] = project.TotalPoints,
        ["Project"] = StorageJson.Serialize(project with { ETag = null }),
    };
}
