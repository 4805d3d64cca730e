using Loyalty.Core.Audit;
using Loyalty.Core.Common;

namespace Loyalty.Functions.Audit;

public static class AuditedResults
{
    /// <summary>
    /// Records the admin action once the use case has succeeded (a refused request leaves no record). A replay records
    /// again onto the same row, which repairs a record lost between the action and its audit write.
    /// </summary>
    /// <param name="record">The record of the result; null when the result changed nothing (or was not an admin's doing).</param>
    public static async Task<Result<T>> AuditedAsync<T>(this Task<Result<T>> operation, AdminAudit audit, Func<T, AuditRecord?> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(record);
        var result = await operation;
        if (result.IsSuccess && record(result.Value) is { } audited)
        {
            await audit.RecordAsync(audited, cancellationToken);
        }

        return result;
    }
}
