namespace Loyalty.Core.Programs;

/// <summary>Points for things members do besides buying: signing up, checking in, sharing, tasks.</summary>
public sealed record ActivityRules
{
    public long SignUpBonus { get; init; }

    public CheckInRules CheckIn { get; init; } = new();

    /// <summary>Points per share, by platform (e.g. "wechat-moments"), with a cap per platform per local day.</summary>
    public IReadOnlyDictionary<string, ShareRule> Shares { get; init; } = new Dictionary<string, ShareRule>();

    public IReadOnlyList<TaskRule> Tasks { get; init; } = [];
}

/// <summary>Daily check-in: <see cref="Points"/> each day, plus a bonus on given streak days of a cycle (day 7 of a 7-day cycle +10).</summary>
public sealed record CheckInRules
{
    public bool Enabled { get; init; } = true;

    public long Points { get; init; } = 1;

    /// <summary>The streak restarts at day 1 after this many days (0 = never restarts).</summary>
    public int CycleDays { get; init; } = 7;

    public IReadOnlyList<StreakBonus> StreakBonuses { get; init; } = [];
}

public sealed record StreakBonus(int Day, long Points);

public sealed record ShareRule(long Points, int DailyCap);

public sealed record TaskRule
{
    public required string TaskId { get; init; }

    public string Name { get; init; } = string.Empty;

    public TaskKind Kind { get; init; } = TaskKind.Custom;

    public long Points { get; init; }

    public TaskLimit Limit { get; init; } = TaskLimit.Once;

    /// <summary>How many completions per period count (for daily and weekly tasks).</summary>
    public int MaxPerPeriod { get; init; } = 1;
}

public enum TaskKind
{
    Questionnaire,
    Vote,
    Quiz,
    Custom,
}

public enum TaskLimit
{
    Once,
    Daily,
    Weekly,
}
