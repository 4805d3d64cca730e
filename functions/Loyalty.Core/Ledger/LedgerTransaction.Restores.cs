namespace Loyalty.Core.Ledger;

/// <summary>Restores: the points of a reversed spend (a refund, a cancelled order, a returned transfer) given back with the expiry they had.</summary>
public sealed partial class LedgerTransaction
{
    /// <summary>
    /// Gives back the points of a reversed spend into lots with their original expiries, so a refund never extends their
    /// life. Parts whose expiry has passed meanwhile are lost, as they would have been. One entry for all parts. Like
    /// every credit, on a frozen account the points stay pending until the unfreeze.
    /// </summary>
    public LedgerEntry Restore(IReadOnlyList<LotPortion> parts, string reference, string? reason, IReadOnlyDictionary<string, string>? details = null, string source = "restore")
    {
        ArgumentNullException.ThrowIfNull(parts);
        var lots = CreditPortions(parts.Where(p => p.ExpiresAt > Now), source);
        var restored = lots.Values.Sum();
        var total = parts.Where(p => p.Points > 0).Sum(p => p.Points);
        Account = Account with
        {
            LifetimeSpent = Math.Max(0, Account.LifetimeSpent - total),
            LifetimeExpired = Account.LifetimeExpired + (total - restored),
            LastActivityAt = Now,
        };
        SettleDebt();
        return Record(LedgerEntryType.Restore, restored, reference, reason, lots, details);
    }
}
