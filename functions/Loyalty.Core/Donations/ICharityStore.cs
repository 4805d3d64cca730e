namespace Loyalty.Core.Donations;

public interface ICharityStore
{
    Task<CharityProject?> GetAsync(string tenantId, string projectId, CancellationToken cancellationToken);

    /// <summary>Creates or updates a project's description, keeping its totals.</summary>
    Task<CharityProject> SaveAsync(CharityProject project, CancellationToken cancellationToken);

    /// <summary>Adds the receipt and the points to the project's total atomically; a receipt already recorded is not counted twice.</summary>
    Task RecordAsync(string tenantId, DonationReceipt receipt, CancellationToken cancellationToken);
}
