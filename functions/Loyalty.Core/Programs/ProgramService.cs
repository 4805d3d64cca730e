using Loyalty.Core.Common;

namespace Loyalty.Core.Programs;

/// <summary>Reads and versions a tenant's program. A tenant that never saved rules runs on the defaults as version 0.</summary>
public sealed class ProgramService(IProgramStore store, TimeProvider time)
{
    public async Task<LoyaltyProgram> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        await store.GetCurrentAsync(tenantId, cancellationToken)
        ?? new LoyaltyProgram(tenantId, 0, new ProgramRules(), DateTimeOffset.UnixEpoch, null);

    /// <summary>Validates and stores the rules as the next version. <paramref name="expectedVersion"/> (If-Match) guards against lost updates.</summary>
    public async Task<Result<LoyaltyProgram>> SaveAsync(string tenantId, ProgramRules rules, int? expectedVersion, string? updatedBy, CancellationToken cancellationToken)
    {
        var errors = ProgramValidator.Validate(rules);
        if (errors.Count > 0)
        {
            return new Error(ErrorKind.Validation, "invalid-program", "The program has problems; every one is listed.", errors);
        }

        var current = await GetAsync(tenantId, cancellationToken);
        if (expectedVersion is not null && expectedVersion != current.Version)
        {
            return Error.Conflict("version-mismatch", $"The program is at version {current.Version}, not {expectedVersion}.");
        }

        var next = new LoyaltyProgram(tenantId, current.Version + 1, rules, time.GetUtcNow(), updatedBy);
        return await store.SaveAsync(next, current.Version, cancellationToken)
            ? next
            : Error.Conflict("version-mismatch", "The program was changed by another request; read it again and retry.");
    }
}
