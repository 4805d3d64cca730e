namespace Loyalty.Core.Earning;

/// <summary>What earning needs to know about the member: their tier and whether this purchase gets the yearly birthday benefit.</summary>
public sealed record EarningContext(string Tier, bool BirthdayApplies)
{
    public static EarningContext Anonymous { get; } = new("normal", false);
}
