using Loyalty.Core.Expiry;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Clearing runs: partition = tenant, row = the run's date, so a tenant's runs list in date order.</summary>
public sealed class TableClearingRunStore(LoyaltyTables tables) : IClearingRunStore
{
    private readonly JsonRecordTable<ClearingRun> _rows = new(tables, LoyaltyTables.ClearingRuns, r => r.ETag, (r, etag) => r with { ETag = etag });

    public Task<(ClearingRun Run, bool Added)> AddOrGetAsync(ClearingRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _rows.AddOrGetAsync(run.TenantId, run.RunId, run, Columns(run), cancellationToken);
    }

    public Task<ClearingRun?> GetAsync(string tenantId, DateOnly date, CancellationToken cancellationToken) =>
        _rows.GetAsync(tenantId, ClearingRunIds.RunId(date), cancellationToken);

    public async Task SaveAsync(ClearingRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!await _rows.TryUpdateAsync(run.TenantId, run.RunId, run with { ETag = null }, Columns(run), cancellationToken))
        {
            throw new InvalidOperationException($"Clearing run {run.TenantId}/{run.RunId} is missing.");
        }
    }

    private static Dictionary<string, object?> Columns(ClearingRun run) => new() { ["Status"] = run.Status.ToString() };
}
