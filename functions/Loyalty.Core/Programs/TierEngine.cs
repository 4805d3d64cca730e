using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Programs;

/// <summary>
/// Keeps a member's tier in step with what they earned. Qualifying value is kept per local month on the account
/// (<c>tq:yyyyMM</c>), so the rolling window and the calendar year are sums of months and the tier changes in the
/// same batch as the points that caused it.
/// </summary>
public static class TierEngine
{
    private const string BucketPrefix = "tq:";
    private const int MonthsKept = 26;

    public static string BucketKey(DateOnly month) => BucketPrefix + month.ToString("yyyyMM", CultureInfo.InvariantCulture);

    /// <summary>Adds earned points (or spend) to the qualifying month of <paramref name="at"/>; negative for a refund.</summary>
    public static MemberAccount Record(MemberAccount account, decimal value, DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(account);
        var month = TenantClock.LocalDate(at, zone);
        var key = BucketKey(month);
        var current = decimal.TryParse(account.StateValue(key), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0m;
        var oldest = BucketKey(month.AddMonths(-MonthsKept));
        return account.WithState(
            key,
            Math.Max(0, current + value).ToString(CultureInfo.InvariantCulture),
            k => k.StartsWith(BucketPrefix, StringComparison.Ordinal) && string.CompareOrdinal(k, oldest) < 0);
    }

    public static decimal QualifyingValue(MemberAccount account, TierRules rules, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(rules);
        var today = TenantClock.LocalDate(now, zone);
        var months = rules.Window == TierWindow.CalendarYear ? today.Month : 12;
        var total = 0m;
        for (var i = 0; i < months; i++)
        {
            if (decimal.TryParse(account.StateValue(BucketKey(today.AddMonths(-i))), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                total += v;
            }
        }

        return total;
    }

    public static TierLevel LevelFor(decimal qualifying, TierRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Levels.LastOrDefault(l => qualifying >= l.Threshold) ?? rules.Levels[0];
    }

    public static int Rank(string tier, TierRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var index = rules.Levels.ToList().FindIndex(l => l.Name == tier);
        return Math.Max(index, 0);
    }

    /// <summary>What the tier is as of <paramref name="now"/>: an upgrade applies at once; a lower tier only once the review date passed.</summary>
    public static TierLevel Effective(MemberAccount account, ProgramRules program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(program);
        var rules = program.Tiers;
        var qualified = LevelFor(QualifyingValue(account, rules, now, program.Zone()), rules);
        var currentRank = Rank(account.Tier, rules);
        var reviewDue = account.TierReviewAt is null || account.TierReviewAt <= now;
        return Rank(qualified.Name, rules) > currentRank || reviewDue ? qualified : rules.Levels[currentRank];
    }

    /// <summary>
    /// Moves the tier inside the transaction (upgrade, or downgrade when the review is due) with a ledger note for the
    /// history. <paramref name="at"/> evaluates as of an earlier instant: an order processed after midnight still counts
    /// in the period it happened in.
    /// </summary>
    public static void Evaluate(LedgerTransaction transaction, ProgramRules program, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(program);
        var account = transaction.Account;
        var now = at ?? transaction.Now;
        var target = Effective(account, program, now);
        var reviewDue = account.TierReviewAt is not null && account.TierReviewAt <= now;
        if (target.Name == account.Tier && !reviewDue)
        {
            return;
        }

        var reviewAt = Rank(target.Name, program.Tiers) == 0 ? (DateTimeOffset?)null : NextReview(program, now);
        transaction.UpdateAccount(a => a with { Tier = target.Name, TierReviewAt = reviewAt });
        if (target.Name != account.Tier)
        {
            var direction = Rank(target.Name, program.Tiers) > Rank(account.Tier, program.Tiers) ? "upgrade" : "downgrade";
            transaction.Note(LedgerEntryType.Tier, target.Name, $"Tier {direction}: {account.Tier} → {target.Name}", new Dictionary<string, string>
            {
                ["from"] = account.Tier,
                ["to"] = target.Name,
                ["qualifying"] = QualifyingValue(account, program.Tiers, now, program.Zone()).ToString(CultureInfo.InvariantCulture),
            });
        }
    }

    /// <summary>The end of the qualification period that starts now, plus the retention months.</summary>
    public static DateTimeOffset NextReview(ProgramRules program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        var zone = program.Zone();
        var today = TenantClock.LocalDate(now, zone);
        var periodEnd = program.Tiers.Window == TierWindow.CalendarYear
            ? new DateOnly(today.Year + 1, 1, 1)
            : today.AddMonths(12);
        return TenantClock.StartOfDay(periodEnd.AddMonths(program.Tiers.RetentionMonths), zone);
    }
}
