namespace Loyalty.Core.Family;

public enum InvitationStatus
{
    Pending,
    Accepted,
}

/// <summary>One member's invitation to bind another. Binding needs both: the inviter's request and the invitee's acceptance.</summary>
public sealed record FamilyInvitation
{
    public required string TenantId { get; init; }

    public required string InvitationId { get; init; }

    public required string FromMemberId { get; init; }

    public required string ToMemberId { get; init; }

    public InvitationStatus Status { get; init; } = InvitationStatus.Pending;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    public string? ETag { get; init; }
}
