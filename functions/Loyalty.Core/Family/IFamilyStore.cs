namespace Loyalty.Core.Family;

/// <summary>Invitations and bindings. A binding is stored on both members, so each side lists its family on its own.</summary>
public interface IFamilyStore
{
    /// <summary>Adds the invitation, or returns the one already stored under its id.</summary>
    Task<FamilyInvitation> AddOrGetInvitationAsync(FamilyInvitation invitation, CancellationToken cancellationToken);

    Task<FamilyInvitation?> GetInvitationAsync(string tenantId, string invitationId, CancellationToken cancellationToken);

    /// <summary>Replaces the invitation if its ETag still matches; false otherwise.</summary>
    Task<bool> TryUpdateInvitationAsync(FamilyInvitation invitation, CancellationToken cancellationToken);

    /// <summary>Writes both sides of a binding; safe to repeat.</summary>
    Task BindAsync(string tenantId, string memberId, string otherMemberId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes both sides of a binding; safe to repeat. False when neither side was there.</summary>
    Task<bool> UnbindAsync(string tenantId, string memberId, string otherMemberId, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(string tenantId, string memberId, CancellationToken cancellationToken);
}
