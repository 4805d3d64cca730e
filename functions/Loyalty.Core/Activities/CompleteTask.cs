using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Activities;

/// <summary>A merchant-defined task (questionnaire, vote, quiz...): points with a limit of once per member or N per day/week.</summary>
public sealed record CompleteTask(string IdempotencyKey, ProgramRules Rules, string TaskId, string? Reference) : ActivityCommand(IdempotencyKey, Rules)
{
    private const string Prefix = "task:";

    protected override string Describe() => $"{TaskId}|{Reference}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var task = Rules.Activities.Tasks.FirstOrDefault(t => t.TaskId == TaskId);
        if (task is null)
        {
            return Error.NotFound("task-not-found", $"No task '{TaskId}' in this program.");
        }

        var today = Today(transaction);
        var period = task.Limit switch
        {
            TaskLimit.Daily => today.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            TaskLimit.Weekly => $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}",
            _ => "once",
        };
        var key = $"{Prefix}{TaskId}:{period}";
        var count = transaction.Account.StateNumber(key);
        var limit = task.Limit == TaskLimit.Once ? 1 : task.MaxPerPeriod;
        if (count >= limit)
        {
            return task.Limit == TaskLimit.Once
                ? Error.Conflict("task-already-completed", $"Task '{TaskId}' earns once per member and was already completed.")
                : new Error(ErrorKind.TooManyRequests, "task-limit-reached", $"Task '{TaskId}' earns at most {limit} time(s) per {(task.Limit == TaskLimit.Daily ? "day" : "week")}.") { RetryAt = NextPeriod(transaction, task.Limit) };
        }

        transaction.UpdateAccount(a => a.WithState(key, (count + 1).ToString(CultureInfo.InvariantCulture), k => IsStale(k, task, period)));
        return Credit(transaction, task.Points, "task", Reference ?? TaskId, string.IsNullOrEmpty(task.Name) ? $"Task {TaskId}" : task.Name, new Dictionary<string, string> { ["taskId"] = TaskId, ["kind"] = task.Kind.ToString() });
    }

    private bool IsStale(string key, TaskRule task, string period) =>
        task.Limit != TaskLimit.Once && key.StartsWith($"{Prefix}{TaskId}:", StringComparison.Ordinal) && !key.EndsWith(period, StringComparison.Ordinal);

    private DateTimeOffset NextPeriod(LedgerTransaction transaction, TaskLimit limit)
    {
        var today = Today(transaction);
        var days = limit == TaskLimit.Weekly ? 8 - (today.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)today.DayOfWeek) : 1;
        return TenantClock.StartOfDay(today.AddDays(days), Zone);
    }
}
