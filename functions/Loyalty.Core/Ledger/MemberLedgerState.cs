using Loyalty.Core.Members;

namespace Loyalty.Core.Ledger;

/// <summary>A consistent read of a member's partition: the account, its live lots, and the account row's ETag that guards the next write.</summary>
public sealed record MemberLedgerState(MemberAccount Account, IReadOnlyList<PointsLot> Lots, string ETag);
