namespace Loyalty.Core.Sagas;

/// <summary>
/// A small index of sagas still in flight, so the tidy-up reads only those and never scans every transfer, draw or merge.
/// A row is added before the first step and removed once the saga has ended; a row whose saga never got recorded is
/// harmless (the tidy-up drops it).
/// </summary>
public interface IPendingSagas
{
    /// <summary>Records the saga as started; an existing row keeps its original start time.</summary>
    Task AddAsync(PendingSaga saga, CancellationToken cancellationToken);

    /// <summary>Safe to repeat.</summary>
    Task RemoveAsync(string tenantId, SagaKind kind, string id, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="max"/> of the tenant's sagas started before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<PendingSaga>> ListStartedBeforeAsync(string tenantId, DateTimeOffset before, int max, CancellationToken cancellationToken);
}
