using Loyalty.Core.Donations;

namespace Loyalty.Functions.Donations;

/// <summary>A charity project and what members have donated to it.</summary>
public sealed record CharityProjectView(string ProjectId, string Name, string? Description, bool Active, long TotalPoints, long Donations, DateTimeOffset UpdatedAt)
{
    public static CharityProjectView From(CharityProject p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.ProjectId, p.Name, p.Description, p.Active, p.TotalPoints, p.Donations, p.UpdatedAt);
    }
}
