namespace Loyalty.Core.Donations;

public sealed record CharityProjectRequest(string? Name, string? Description, bool? Active);

public sealed record DonationRequest(string? MemberId, string? ProjectId, long? Points);
