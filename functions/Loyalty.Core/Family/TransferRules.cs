namespace Loyalty.Core.Family;

/// <summary>Transfers between bound family accounts. Monthly limits count per sender per calendar month in the tenant's time zone.</summary>
public sealed record TransferRules
{
    public bool Enabled { get; init; } = true;

    public int MaxTransfersPerMonth { get; init; } = 5;

    public long MaxPointsPerMonth { get; init; } = 10_000;

    /// <summary>How many family members one member may bind.</summary>
    public int MaxFamilyMembers { get; init; } = 5;
}
