using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Functions.Members;

/// <summary>A merge as the API shows it: who into whom, how far it got, what moved and the entry on each side.</summary>
public sealed record MergeView(
    string MergeId,
    string FromMemberId,
    string ToMemberId,
    MergeStatus Status,
    long Points,
    IReadOnlyList<LotPortion> Portions,
    string? OutEntryId,
    string? InEntryId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    public static MergeView From(MergeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.MergeId, record.FromMemberId, record.ToMemberId, record.Status, record.Points, record.Portions, record.OutEntryId, record.InEntryId, record.CreatedAt, record.UpdatedAt);
    }
}
