namespace Loyalty.Core.Donations;

/// <summary>A charity project a merchant lets members donate points to, with its running totals.</summary>
public sealed record CharityProject
{
    public required string TenantId { get; init; }

    public required string ProjectId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public bool Active { get; init; } = true;

    public long TotalPoints { get; init; }

    public long Donations { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? ETag { get; init; }
}
