using CsCheck;

namespace Loyalty.Functions.Tests.Ledger;

/// <summary>How a random order pays its points part: nothing, a number of the till's own, or POS holds in some state.</summary>
public enum PointsPart
{
    None,
    Unbacked,
    Held,
    HeldAndStated,
    HeldWrongFigure,
    OthersHold,
    UncapturedHold,
    ReleasedHold,
}

public enum RefundKind
{
    Lines,
    Amount,
    Rest,
    Replay,
}

public enum HoldEnd
{
    Capture,
    Release,
    Leave,
}

/// <summary>
/// One call (or a few that belong together) a till, a storefront or an admin makes. Members are 0-2 (0 and 1 are bound
/// family); order indexes refer to earlier orders and are taken modulo their count.
/// </summary>
public abstract record ShopStep
{
    private static readonly Gen<int> AnyMember = Gen.Int[0, 2];

    private static readonly Gen<long> TillNumber = Gen.Frequency(
        (3, Gen.Long[1, 10_000]),
        (1, Gen.Const(9_000_000_000_000_000_000L)),
        (1, Gen.Long[1_000_000, long.MaxValue]));

    public static Gen<ShopStep> Generator { get; } = Gen.Frequency(
        (8, Gen.Select(AnyMember, Gen.Int[1, 3], Gen.Int[1, 300], Gen.Int[0, 200], Gen.Enum<PointsPart>(), TillNumber, Gen.Bool)
            .Select(t => (ShopStep)new Buy(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7))),
        (5, Gen.Select(Gen.Int[0, 100], Gen.Enum<RefundKind>(), Gen.Int[1, 3], Gen.Int[1, 20_000], (o, k, q, c) => (ShopStep)new Refund(o, k, q, c))),
        (2, Gen.Int[0, 100].Select(o => (ShopStep)new CancelOrder(o))),
        (1, Gen.Int[0, 100].Select(o => (ShopStep)new CompleteOrder(o))),
        (2, Gen.Select(AnyMember, Gen.Int[1, 60], Gen.Enum<HoldEnd>(), (m, y, e) => (ShopStep)new StrayHold(m, y, e))),
        (2, Gen.Select(AnyMember, Gen.Bool, Gen.Bool, (m, p, c) => (ShopStep)new Redeem(m, p, c))),
        (2, Gen.Select(Gen.Int[0, 1], Gen.Long[1, 3000], (f, p) => (ShopStep)new Transfer(f, p))),
        (1, Gen.Select(AnyMember, Gen.Long[1, 2000], (m, p) => (ShopStep)new Donate(m, p))),
        (1, AnyMember.Select(m => (ShopStep)new Draw(m))),
        (1, Gen.Select(AnyMember, Gen.Long[-3000, 3000], (m, d) => (ShopStep)new Adjust(m, d))),
        (1, AnyMember.Select(m => (ShopStep)new CheckIn(m))),
        (1, Gen.Select(AnyMember, Gen.Long[1, 500], (m, p) => (ShopStep)new Grant(m, p))),
        (3, Gen.Frequency((2, Gen.Int[1, 30]), (2, Gen.Int[60, 60 * 24 * 4]), (1, Gen.Int[60 * 24 * 20, 60 * 24 * 40])).Select(m => (ShopStep)new Advance(m))),
        (2, Gen.Const((ShopStep)new Drain())));

    /// <summary>An order of <paramref name="Quantity"/> teas at <paramref name="UnitPrice"/> yuan and a cake at <paramref name="CakePrice"/> yuan (0: no cake).</summary>
    public sealed record Buy(int Member, int Quantity, int UnitPrice, int CakePrice, PointsPart Points, long TillPoints, bool CompleteNow) : ShopStep;

    public sealed record Refund(int Order, RefundKind Kind, int Quantity, int Cents) : ShopStep;

    public sealed record CancelOrder(int Order) : ShopStep;

    public sealed record CompleteOrder(int Order) : ShopStep;

    /// <summary>A hold the till makes for an order it never reports.</summary>
    public sealed record StrayHold(int Member, int Yuan, HoldEnd End) : ShopStep;

    /// <summary>A coupon, or a physical gift that is then shipped or cancelled.</summary>
    public sealed record Redeem(int Member, bool Physical, bool CancelIt) : ShopStep;

    public sealed record Transfer(int From, long Points) : ShopStep;

    public sealed record Donate(int Member, long Points) : ShopStep;

    public sealed record Draw(int Member) : ShopStep;

    public sealed record Adjust(int Member, long Delta) : ShopStep;

    public sealed record CheckIn(int Member) : ShopStep;

    public sealed record Grant(int Member, long Points) : ShopStep;

    public sealed record Advance(int Minutes) : ShopStep;

    public sealed record Drain : ShopStep;
}
