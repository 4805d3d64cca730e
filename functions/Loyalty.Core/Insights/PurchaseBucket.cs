namespace Loyalty.Core.Insights;

/// <summary>A member's purchases in one day or one month (<see cref="Start"/> is the day, or the 1st of the month): orders, amount paid in cash, points they earned.</summary>
public sealed record PurchaseBucket(DateOnly Start, int Count, decimal Amount, long Points = 0);
