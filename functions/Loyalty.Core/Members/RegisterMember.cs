namespace Loyalty.Core.Members;

/// <summary>A registration; <see cref="ReferralCode"/> names the member who referred the new one (老带新).</summary>
public sealed record RegisterMember(string? MemberId, string? Phone, string? Name, DateOnly? Birthday = null)
{
    public string? ReferralCode { get; init; }
}
