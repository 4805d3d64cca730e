namespace Loyalty.Core.Programs;

/// <summary>Once a year, on the member's birthday (or in the birthday month), in the tenant's time zone.</summary>
public sealed record BirthdayBenefit
{
    public BirthdayWindow Window { get; init; } = BirthdayWindow.Day;

    /// <summary>Bonus points added to the first purchase in the window.</summary>
    public long BonusPoints { get; init; }

    /// <summary>Multiplier on the base points of that purchase.</summary>
    public decimal Multiplier { get; init; } = 1m;
}

public enum BirthdayWindow
{
    Day,
    Month,
}
