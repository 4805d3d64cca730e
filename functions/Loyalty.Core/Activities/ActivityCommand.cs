using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Activities;

/// <summary>
/// Points for something a member did (check-in, share, task, sign-up). Limits are counted in the account's state in
/// the same batch as the credit, so two concurrent requests can never both pass a "once a day" check.
/// </summary>
public abstract record ActivityCommand(string IdempotencyKey, ProgramRules Rules) : LedgerCommand(IdempotencyKey)
{
    protected TimeZoneInfo Zone => Rules.Zone();

    protected LedgerEntry Credit(LedgerTransaction transaction, long points, string source, string? reference, string reason, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var entry = transaction.Earn(new EarnRequest(points, Rules.Expiry.ExpiresAt(transaction.Now, Zone), source, reference, reason) { Details = details });
        if (Rules.Tiers.Basis == TierBasis.PointsEarned)
        {
            transaction.UpdateAccount(a => TierEngine.Record(a, points, transaction.Now, Zone));
        }

        TierEngine.Evaluate(transaction, Rules);
        return entry;
    }

    protected DateOnly Today(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return TenantClock.LocalDate(transaction.Now, Zone);
    }

    /// <summary>The tenant's next midnight: when daily limits reset.</summary>
    protected DateTimeOffset Tomorrow(LedgerTransaction transaction) => TenantClock.StartOfDay(Today(transaction).AddDays(1), Zone);
}
