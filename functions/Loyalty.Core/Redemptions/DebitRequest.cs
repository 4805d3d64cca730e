namespace Loyalty.Core.Redemptions;

/// <summary>The debit step's input: the price the reserve step fixed.</summary>
public sealed record DebitRequest(RedemptionInput Input, long Points);
