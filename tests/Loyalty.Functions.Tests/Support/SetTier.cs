using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Functions.Tests.Support;

/// <summary>Sets a member's tier the way the tier engine will: through one ledger command on the account row.</summary>
internal sealed record SetTier(string Tier) : LedgerCommand($"test-tier:{Tier}")
{
    protected override string Describe() => Tier;

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        transaction.UpdateAccount(a => a with { Tier = Tier });
        return (LedgerEntry?)null;
    }
}
