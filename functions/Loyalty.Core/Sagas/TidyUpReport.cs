namespace Loyalty.Core.Sagas;

/// <param name="Finished">Sagas driven to their end (completed, returned, charged, voided or refused; merges completed, returned or refused).</param>
/// <param name="StillPending">Sagas that hit a conflict and stay in the index for the next run.</param>
/// <param name="Dropped">Index rows whose transfer, draw or merge was never recorded.</param>
public sealed record TidyUpReport(int Finished, int StillPending, int Dropped);
