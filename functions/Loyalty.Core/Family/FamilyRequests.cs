namespace Loyalty.Core.Family;

public sealed record InviteRequest(string? FromMemberId, string? ToMemberId);

/// <summary>The invitee confirms; <see cref="MemberId"/> must be the invited member.</summary>
public sealed record AcceptInvitationRequest(string? MemberId);

public sealed record TransferRequest(string? FromMemberId, string? ToMemberId, long? Points, string? Message);
