using Loyalty.Core.Family;
using Loyalty.Core.Ledger;

namespace Loyalty.Functions.Family;

/// <summary>The members bound to a member's family.</summary>
public sealed record FamilyList(string MemberId, IReadOnlyList<string> Family);

/// <summary>A family invitation as the API shows it.</summary>
public sealed record InvitationView(string InvitationId, string FromMemberId, string ToMemberId, InvitationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? AcceptedAt)
{
    public static InvitationView From(FamilyInvitation i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(i.InvitationId, i.FromMemberId, i.ToMemberId, i.Status, i.CreatedAt, i.AcceptedAt);
    }
}

/// <summary>A points transfer as the API shows it, with the expiry of every portion moved.</summary>
public sealed record TransferView(
    string TransferId,
    string FromMemberId,
    string ToMemberId,
    long Points,
    string? Message,
    TransferStatus Status,
    IReadOnlyList<LotPortion> Portions,
    string? OutEntryId,
    string? InEntryId,
    string? FailureCode,
    string? FailureReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    public static TransferView From(TransferRecord t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.TransferId, t.FromMemberId, t.ToMemberId, t.Points, t.Message, t.Status, t.Portions, t.OutEntryId, t.InEntryId, t.FailureCode, t.FailureReason, t.CreatedAt, t.UpdatedAt);
    }
}
