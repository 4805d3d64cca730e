namespace Loyalty.Core.Programs;

public interface IProgramStore
{
    /// <summary>The current version, or null when the tenant never saved one (the defaults apply).</summary>
    Task<LoyaltyProgram?> GetCurrentAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="program"/> as the next version if the current version is still <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> SaveAsync(LoyaltyProgram program, int expectedVersion, CancellationToken cancellationToken);
}
