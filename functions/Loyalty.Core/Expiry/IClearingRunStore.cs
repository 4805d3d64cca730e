namespace Loyalty.Core.Expiry;

public interface IClearingRunStore
{
    /// <summary>Adds the run, or returns the one already stored for its tenant and date (<c>Added</c> false).</summary>
    Task<(ClearingRun Run, bool Added)> AddOrGetAsync(ClearingRun run, CancellationToken cancellationToken);

    Task<ClearingRun?> GetAsync(string tenantId, DateOnly date, CancellationToken cancellationToken);

    /// <summary>Replaces the run (progress written by the orchestration, one writer per run).</summary>
    Task SaveAsync(ClearingRun run, CancellationToken cancellationToken);
}
