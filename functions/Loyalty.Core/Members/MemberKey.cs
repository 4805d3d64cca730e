using System.Text.RegularExpressions;

namespace Loyalty.Core.Members;

/// <summary>Identifies a member within a tenant. One member is one storage partition.</summary>
public sealed partial record MemberKey(string TenantId, string MemberId)
{
    public string PartitionKey => $"{TenantId}:{MemberId}";

    /// <summary>Member ids are the merchant's own ids: letters, digits and <c>_ . -</c>, at most 64 characters.</summary>
    public static bool IsValidMemberId(string? value) => value is not null && MemberIdPattern().IsMatch(value);

    public override string ToString() => PartitionKey;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex MemberIdPattern();
}
