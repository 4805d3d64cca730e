namespace Loyalty.Core.Insights;

/// <summary>Where points went when they left a member's account (积分消耗路径).</summary>
public enum SpendChannel
{
    /// <summary>A gift redemption (net of redemptions compensated and refunded).</summary>
    Gift,

    /// <summary>Points paying for part of an order at the POS (a captured hold).</summary>
    PosCash,

    Lottery,

    Donation,

    /// <summary>Points given to a family member: they stay in the programme, so they are not a redemption.</summary>
    Transfer,
}
