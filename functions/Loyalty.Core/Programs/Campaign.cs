namespace Loyalty.Core.Programs;

/// <summary>
/// A time-boxed earning boost. It applies when the purchase's local date is inside [StartDate, EndDate] and matches
/// every non-empty window (days of week, days of month — e.g. the 8th is member day —, specific dates), and the
/// purchase matches every non-empty filter (stores, categories, tiers).
/// </summary>
public sealed record Campaign
{
    public required string Id { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>Multiplier on the base points of matching lines (2 = double points).</summary>
    public decimal Multiplier { get; init; } = 1m;

    /// <summary>Flat bonus points per qualifying order.</summary>
    public long BonusPoints { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    /// <summary>ISO days: 1 = Monday ... 7 = Sunday.</summary>
    public IReadOnlyList<int> DaysOfWeek { get; init; } = [];

    public IReadOnlyList<int> DaysOfMonth { get; init; } = [];

    public IReadOnlyList<DateOnly> Dates { get; init; } = [];

    public IReadOnlyList<string> Stores { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Tiers { get; init; } = [];

    /// <summary>Most extra points this campaign can add to one order (0 = no cap).</summary>
    public long MaxBonusPerOrder { get; init; }

    public bool IsActiveOn(DateOnly localDate) =>
        (StartDate is null || localDate >= StartDate) && (EndDate is null || localDate <= EndDate)
        && (DaysOfWeek.Count == 0 || DaysOfWeek.Contains(localDate.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)localDate.DayOfWeek))
        && (DaysOfMonth.Count == 0 || DaysOfMonth.Contains(localDate.Day))
        && (Dates.Count == 0 || Dates.Contains(localDate));

    public bool AppliesTo(string? store, string tier) =>
        (Stores.Count == 0 || (store is not null && Stores.Contains(store))) && (Tiers.Count == 0 || Tiers.Contains(tier));

    public bool CoversCategory(string? category) => Categories.Count == 0 || (category is not null && Categories.Contains(category));
}
