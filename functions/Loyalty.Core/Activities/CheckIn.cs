using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Activities;

/// <summary>Once per local calendar day; consecutive days build a streak (restarting after the cycle) with bonuses on given days. No back-filling.</summary>
public sealed record CheckIn(string IdempotencyKey, ProgramRules Rules) : ActivityCommand(IdempotencyKey, Rules)
{
    public const string LastKey = "checkin.last";
    public const string StreakKey = "checkin.streak";

    protected override string Describe() => "checkin";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var rules = Rules.Activities.CheckIn;
        if (!rules.Enabled)
        {
            return Error.Rule("check-in-disabled", "This program has no daily check-in.");
        }

        var today = Today(transaction);
        var last = DateOnly.TryParseExact(transaction.Account.StateValue(LastKey), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        if (last == today)
        {
            var next = Tomorrow(transaction);
            return new Error(ErrorKind.Conflict, "already-checked-in", $"Already checked in today; the next check-in opens at {next:yyyy-MM-dd HH:mm zzz}.") { RetryAt = next };
        }

        var streak = last == today.AddDays(-1) ? transaction.Account.StateNumber(StreakKey) + 1 : 1;
        if (rules.CycleDays > 0 && streak > rules.CycleDays)
        {
            streak = 1;
        }

        var bonus = rules.StreakBonuses.Where(b => b.Day == streak).Sum(b => b.Points);
        transaction.UpdateAccount(a => a
            .WithState(LastKey, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .WithState(StreakKey, streak.ToString(CultureInfo.InvariantCulture)));
        var points = rules.Points + bonus;
        if (points <= 0)
        {
            return transaction.Note(LedgerEntryType.Earn, "checkin", $"Checked in, day {streak} of the streak");
        }

        return Credit(transaction, points, "checkin", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), bonus > 0 ? $"Daily check-in, day {streak} streak bonus +{bonus}" : $"Daily check-in, day {streak}", new Dictionary<string, string>
        {
            ["streak"] = streak.ToString(CultureInfo.InvariantCulture),
            ["streakBonus"] = bonus.ToString(CultureInfo.InvariantCulture),
        });
    }
}
