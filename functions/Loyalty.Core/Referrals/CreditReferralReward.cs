using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Referrals;

/// <summary>
/// One side's referral reward: points with the program's expiry, keyed per referral and side so a retried driver
/// credits once. It counts toward the tier only when the program's <c>referrals.countsTowardTier</c> says so.
/// A frozen account's credit lands frozen, like every credit: it earns nothing usable until unfrozen.
/// </summary>
public sealed record CreditReferralReward(string IdempotencyKey, ProgramRules Rules, long Points, string RefereeId, ReferralSide Side) : LedgerCommand(IdempotencyKey)
{
    public const string Source = "referral";

    public static string KeyFor(string refereeId, ReferralSide side) => $"referral:{refereeId}:{(side == ReferralSide.Referrer ? "referrer" : "referee")}";

    protected override string Describe() => $"{Points}|{RefereeId}|{Side}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var zone = Rules.Zone();
        var reason = Side == ReferralSide.Referrer ? $"Referral reward: member '{RefereeId}' joined and bought" : "Referral reward: joined with a referral code";
        var entry = transaction.Earn(new EarnRequest(Points, Rules.Expiry.ExpiresAt(transaction.Now, zone), Source, RefereeId, reason)
        {
            Details = new Dictionary<string, string> { ["referee"] = RefereeId, ["side"] = Side == ReferralSide.Referrer ? "referrer" : "referee" },
        });
        if (Rules.Referrals.CountsTowardTier && Rules.Tiers.Basis == TierBasis.PointsEarned)
        {
            transaction.UpdateAccount(a => TierEngine.Record(a, Points, transaction.Now, zone));
            TierEngine.Evaluate(transaction, Rules);
        }

        return entry;
    }
}

public enum ReferralSide
{
    Referrer,
    Referee,
}
