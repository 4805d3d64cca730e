namespace Loyalty.Core.Members;

public sealed record RegisterMember(string? MemberId, string? Phone, string? Name, DateOnly? Birthday = null);
