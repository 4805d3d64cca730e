using Loyalty.Core.Common;

namespace Loyalty.Core.Programs;

/// <summary>The <c>activities</c> block: sign-up bonus, check-in and its streaks, shares and tasks.</summary>
public static class ActivityRulesValidator
{
    public static void Validate(ActivityRules activities, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Range("signUpBonus", ProgramBounds.RulePoints, activities.SignUpBonus);
        errors.Range("checkIn.points", ProgramBounds.RulePoints, activities.CheckIn.Points);
        errors.Range("checkIn.cycleDays", ProgramBounds.CycleDays, activities.CheckIn.CycleDays);
        for (var i = 0; i < activities.CheckIn.StreakBonuses.Count; i++)
        {
            errors.Range($"checkIn.streakBonuses[{i}].day", ProgramBounds.StreakDay, activities.CheckIn.StreakBonuses[i].Day);
            errors.Range($"checkIn.streakBonuses[{i}].points", ProgramBounds.RulePoints, activities.CheckIn.StreakBonuses[i].Points);
        }

        foreach (var (platform, share) in activities.Shares)
        {
            errors.Range($"shares.{platform}.points", ProgramBounds.RulePoints, share.Points);
            errors.Range($"shares.{platform}.dailyCap", ProgramBounds.DailyCap, share.DailyCap);
        }

        for (var i = 0; i < activities.Tasks.Count; i++)
        {
            var task = activities.Tasks[i];
            if (string.IsNullOrWhiteSpace(task.TaskId))
            {
                errors.Add($"tasks[{i}].taskId", "required", "A task needs a taskId.");
            }

            errors.Range($"tasks[{i}].points", ProgramBounds.RulePoints, task.Points);
            errors.Range($"tasks[{i}].maxPerPeriod", ProgramBounds.MaxPerPeriod, task.MaxPerPeriod);
        }

        errors.Unique("tasks", activities.Tasks, t => t.TaskId, "Task ids must be unique.");
    }
}
