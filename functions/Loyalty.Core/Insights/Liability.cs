namespace Loyalty.Core.Insights;

/// <summary>
/// The points the programme still owes. <see cref="OutstandingPoints"/> sums every member's balance that is above zero
/// (pending points included: they become spendable unless the order is returned; a member in debt owes points, the
/// programme owes them nothing). <see cref="CashValue"/> is what those points would pay at the POS at the program's
/// points-to-cash rate, floored to the fen, as points as cash at the till is.
/// </summary>
public sealed record Liability(int Members, int MembersWithPoints, long OutstandingPoints, long AvailablePoints, long PointsPerYuan, decimal CashValue);
