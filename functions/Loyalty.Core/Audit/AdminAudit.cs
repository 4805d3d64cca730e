using Loyalty.Core.Common;

namespace Loyalty.Core.Audit;

/// <summary>
/// Records admin actions after they took effect (a refused request leaves no record) and reads them back. Recording is
/// idempotent on the action, so a replayed request — which also repairs a record lost to a crash after the action —
/// never adds a second row.
/// </summary>
public sealed class AdminAudit(IAdminAuditLog log)
{
    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return log.RecordAsync(record, cancellationToken);
    }

    public async Task<Result<AuditPage>> ListAsync(string tenantId, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            return await log.ListAsync(tenantId, query, cancellationToken);
        }
        catch (InvalidContinuationTokenException)
        {
            return Error.BadRequest("invalid-continuation-token", "continuationToken was not issued by this API for this query.", "continuationToken");
        }
    }
}
