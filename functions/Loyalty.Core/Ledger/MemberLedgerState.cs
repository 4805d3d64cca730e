using Loyalty.Core.Members;

namespace Loyalty.Core.Ledger;

/// <summary>A consistent read of a member's partition: the account, its live lots, and the account row's ETag that guards the next write.</summary>
public sealed record MemberLedgerState(MemberAccount Account, IReadOnlyList<PointsLot> Lots, string ETag)
{
    /// <summary>Holds not yet captured or released (including timed-out ones the next transaction will release).</summary>
    public IReadOnlyList<PointsHold> Holds { get; init; } = [];

    /// <summary>The state as a reader at <paramref name="now"/> should see it: holds past their timeout count as released even before a write records it.</summary>
    public MemberLedgerState AsOf(DateTimeOffset now)
    {
        if (!Holds.Any(h => h.Status == HoldStatus.Active && h.ExpiresAt <= now))
        {
            return this;
        }

        var view = new LedgerTransaction(this, now, "read");
        return this with { Account = view.Account, Lots = [.. view.Lots], Holds = [.. view.Holds.Where(h => h.Status == HoldStatus.Active)] };
    }
}
