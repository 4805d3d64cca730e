using Loyalty.Core.Common;

namespace Loyalty.Core.Members;

/// <summary><c>PATCH /members/{id}</c>: a field left out keeps its value; null clears name, phone, birthday or store.</summary>
public sealed record UpdateProfile
{
    public Patch<string?> Name { get; init; }

    public Patch<string?> Phone { get; init; }

    public Patch<DateOnly?> Birthday { get; init; }

    public Patch<string?> Language { get; init; }

    public Patch<string?> StoreId { get; init; }

    public Patch<bool?> Sms { get; init; }
}
