using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Programs;

/// <summary>Applies a tier review that fell due (keeping, or lowering the tier to what the member still qualifies for).</summary>
public sealed record ReviewTier(DateTimeOffset ReviewAt, ProgramRules Rules) : LedgerCommand($"tier-review:{ReviewAt.UtcTicks}")
{
    protected override string Describe() => ReviewAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        TierEngine.Evaluate(transaction, Rules);
        return transaction.Entries.LastOrDefault(e => e.Type == LedgerEntryType.Tier);
    }
}
