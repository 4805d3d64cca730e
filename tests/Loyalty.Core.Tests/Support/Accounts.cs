using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Tests.Support;

internal static class Accounts
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 4, 0, 0, TimeSpan.Zero);

    public static readonly MemberKey Key = new("shop-1", "m-1");

    public static MemberAccount New(MemberKey? key = null) => new() { Key = key ?? Key, RegisteredAt = Now.AddDays(-30) };

    public static MemberLedgerState State(params PointsLot[] lots) => new(New(), lots, "etag-1");

    public static PointsLot Lot(string id, long remaining, DateTimeOffset expiresAt, DateTimeOffset? availableAt = null, string? reference = null) =>
        new(id, remaining, remaining, Now.AddDays(-10), availableAt ?? Now.AddDays(-10), expiresAt, "test", reference);

    public static LedgerTransaction Transaction(params PointsLot[] lots) => new(State(lots), Now, "key-1");
}
