using Loyalty.Core.Ledger;

namespace Loyalty.Core.Pos;

/// <summary>A hold as the POS sees it. A hold past its timeout shows as released even before the release is written.</summary>
public sealed record HoldView(
    string HoldId,
    string MemberId,
    string OrderId,
    long Points,
    decimal CashValue,
    HoldStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ClosedAt,
    string? ClosedReason,
    string? EntryId,
    BalanceSnapshot? Balance)
{
    public static HoldView From(string memberId, PointsHold hold, DateTimeOffset now, LedgerOutcome? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var timedOut = hold.Status == HoldStatus.Active && hold.ExpiresAt <= now;
        return new HoldView(
            hold.HoldId,
            memberId,
            hold.OrderId,
            hold.Points,
            hold.CashValue,
            timedOut ? HoldStatus.Released : hold.Status,
            hold.CreatedAt,
            hold.ExpiresAt,
            timedOut ? hold.ExpiresAt : hold.ClosedAt,
            timedOut ? "timed-out" : hold.ClosedReason,
            outcome?.Entry?.EntryId,
            outcome?.Balance);
    }
}
