using Loyalty.Core.Common;

namespace Loyalty.Core.Members;

/// <summary>Identifies a member within a tenant. One member is one storage partition.</summary>
public sealed record MemberKey(string TenantId, string MemberId)
{
    public string PartitionKey => $"{TenantId}:{MemberId}";

    /// <summary>Member ids are the merchant's own ids: letters, digits and <c>_ . -</c>, at most 64 characters.</summary>
    public static bool IsValidMemberId(string? value) => ResourceId.IsValid(value);

    public override string ToString() => PartitionKey;
}
