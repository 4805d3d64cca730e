using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Sagas;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// In-flight sagas, one partition per tenant (row key <c>{kind}:{id}</c>, start time in a column). Rows go when their
/// saga ends, so a partition holds only what is in flight and reading it stays cheap.
/// </summary>
public sealed class TablePendingSagas(LoyaltyTables tables) : IPendingSagas
{
    public async Task AddAsync(PendingSaga saga, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saga);
        var table = await tables.GetAsync(LoyaltyTables.PendingSagas);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(saga.TenantId, RowKey(saga.Kind, saga.Id)) { ["Kind"] = saga.Kind.ToString(), ["SagaId"] = saga.Id, ["StartedAt"] = saga.StartedAt },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already indexed by an earlier attempt: its start time is the one that counts.
        }
    }

    public async Task RemoveAsync(string tenantId, SagaKind kind, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.PendingSagas);
        await table.DeleteEntityAsync(tenantId, RowKey(kind, id), ETag.All, cancellationToken);
    }

    public async Task<IReadOnlyList<PendingSaga>> ListStartedBeforeAsync(string tenantId, DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.PendingSagas);
        var sagas = new List<PendingSaga>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and StartedAt lt {before}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            if (Enum.TryParse<SagaKind>(e.GetString("Kind"), out var kind))
            {
                sagas.Add(new PendingSaga(tenantId, kind, e.GetString("SagaId"), e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.UnixEpoch));
            }

            if (sagas.Count >= max)
            {
                break;
            }
        }

        return sagas;
    }

    private static string RowKey(SagaKind kind, string id) => $"{kind.ToString().ToLowerInvariant()}:{id}";
}
