namespace Loyalty.Core.Audit;

/// <summary>The tenant's audit log of admin actions: one partition per tenant, newest first.</summary>
public interface IAdminAuditLog
{
    /// <summary>Adds the record; a record of the same action (same id and time) already there is kept as it is.</summary>
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <exception cref="Common.InvalidContinuationTokenException">The token was not issued for this tenant's log.</exception>
    Task<AuditPage> ListAsync(string tenantId, AuditQuery query, CancellationToken cancellationToken);
}
