using CsCheck;

namespace Loyalty.Testing.Ledger;

/// <summary>One step of a random ledger history. Indexes refer to earlier steps and are taken modulo their count.</summary>
public abstract record LedgerOperation
{
    public static Gen<LedgerOperation> Generator { get; } = Gen.Frequency(
        (4, Gen.Select(Gen.Long[1, 500], Gen.Int[1, 400], Gen.Int[0, 10], Gen.Bool, (p, e, d, o) => (LedgerOperation)new Earn(p, e, d, o))),
        (4, Gen.Long[1, 300].Select(p => (LedgerOperation)new Spend(p))),
        (2, Gen.Int[0, 90].Select(d => (LedgerOperation)new Advance(d))),
        (2, Gen.Select(Gen.Int[0, 1000], Gen.Long[1, 500], (i, p) => (LedgerOperation)new ClawBack(i, p))),
        (2, Gen.Int[0, 1000].Select(i => (LedgerOperation)new Replay(i))),
        (1, Gen.Const((LedgerOperation)new Expire())),
        (3, Gen.Select(Gen.Long[1, 300], Gen.Int[1, 60 * 24 * 3], (p, m) => (LedgerOperation)new Hold(p, m))),
        (2, Gen.Int[0, 1000].Select(i => (LedgerOperation)new Capture(i))),
        (2, Gen.Int[0, 1000].Select(i => (LedgerOperation)new Release(i))));

    public sealed record Earn(long Points, int ExpiresInDays, int PendingDays, bool ForOrder) : LedgerOperation;

    public sealed record Spend(long Points) : LedgerOperation;

    public sealed record Advance(int Days) : LedgerOperation;

    public sealed record ClawBack(int OrderIndex, long Points) : LedgerOperation;

    public sealed record Replay(int StepIndex) : LedgerOperation;

    public sealed record Expire : LedgerOperation;

    /// <summary>A POS hold that times out after <paramref name="TimeoutMinutes"/> (Advance steps are whole days, so many do).</summary>
    public sealed record Hold(long Points, int TimeoutMinutes) : LedgerOperation;

    public sealed record Capture(int HoldIndex) : LedgerOperation;

    public sealed record Release(int HoldIndex) : LedgerOperation;
}
