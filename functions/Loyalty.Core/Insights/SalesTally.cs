namespace Loyalty.Core.Insights;

/// <summary>Orders and the cash amount paid for them.</summary>
public sealed record SalesTally(int Orders, decimal Amount)
{
    public static SalesTally None { get; } = new(0, 0m);

    public SalesTally Plus(SalesTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new SalesTally(Orders + other.Orders, Amount + other.Amount);
    }
}
