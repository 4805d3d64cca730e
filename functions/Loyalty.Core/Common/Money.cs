namespace Loyalty.Core.Common;

/// <summary>An amount of money in a currency. Amounts are decimals kept to the currency's minor unit (fen for CNY).</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    public const string DefaultCurrency = "CNY";

    /// <summary>Rounds down to the minor unit (two decimals): the cash value of points never rounds in the member's favour past a fen.</summary>
    public static Money FloorToMinorUnit(decimal amount, string currency) =>
        new(Math.Floor(amount * 100m) / 100m, currency);

    public override string ToString() => $"{Amount:0.00} {Currency}";
}
