using Loyalty.Core.Ledger;

namespace Loyalty.Functions.Members;

/// <summary>A member's points lots.</summary>
public sealed record LotList(IReadOnlyList<PointsLot> Lots);
