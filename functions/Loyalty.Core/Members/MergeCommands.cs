using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Members;

/// <summary>The source side of a merge: see <see cref="LedgerTransaction.MergeOut"/>.</summary>
public sealed record MergeOut(string IdempotencyKey, string MergeId, string IntoMemberId) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{MergeId}|{IntoMemberId}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var merged = transaction.MergeOut(MergeId, IntoMemberId);
        return merged.IsSuccess ? merged.Value : merged.Error;
    }
}

/// <summary>The target side of a merge: the source's points and tier months received, then the tier re-evaluated.</summary>
public sealed record MergeIn(string IdempotencyKey, string MergeId, string FromMemberId, IReadOnlyList<LotPortion> Portions, IReadOnlyDictionary<string, string> TierMonths, ProgramRules Rules) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{MergeId}|{FromMemberId}|{LotPortions.Format(Portions)}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var entry = transaction.MergeIn(MergeId, FromMemberId, Portions, TierMonths);
        TierEngine.Evaluate(transaction, Rules);
        return entry;
    }
}

/// <summary>
/// The source given its points back when the target can no longer take them: see <see cref="LedgerTransaction.ReturnMerge"/>.
/// The only command a merged account accepts.
/// </summary>
public sealed record MergeReturn(string IdempotencyKey, string MergeId, string IntoMemberId, IReadOnlyList<LotPortion> Portions, bool SmsAllowed, ProgramRules Rules) : LedgerCommand(IdempotencyKey)
{
    public override bool ReopensMergedAccount => true;

    protected override string Describe() => $"{MergeId}|{IntoMemberId}|{LotPortions.Format(Portions)}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var returned = transaction.ReturnMerge(MergeId, IntoMemberId, Portions, SmsAllowed);
        if (!returned.IsSuccess)
        {
            return returned.Error;
        }

        TierEngine.Evaluate(transaction, Rules);
        return returned.Value;
    }
}
