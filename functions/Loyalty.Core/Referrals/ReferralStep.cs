namespace Loyalty.Core.Referrals;

/// <summary>What a referral's driver does next, decided from the row (and the qualifying order) alone.</summary>
public sealed record ReferralStep(ReferralStepKind Kind, TimeSpan Wait, ReferralStatus? Status)
{
    public static ReferralStep Done(ReferralStatus? status) => new(ReferralStepKind.Done, TimeSpan.Zero, status);

    public static ReferralStep WaitForPurchase(TimeSpan wait) => new(ReferralStepKind.WaitForPurchase, wait, ReferralStatus.Waiting);

    public static ReferralStep WaitForOrder(TimeSpan wait) => new(ReferralStepKind.WaitForOrder, wait, ReferralStatus.Waiting);

    public static ReferralStep Reward { get; } = new(ReferralStepKind.Reward, TimeSpan.Zero, ReferralStatus.Waiting);
}

public enum ReferralStepKind
{
    /// <summary>Nothing left to drive: the referral is final (or gone).</summary>
    Done,

    /// <summary>No qualifying purchase yet: wait for the event (or the recheck, or the deadline).</summary>
    WaitForPurchase,

    /// <summary>The qualifying order is still inside its return window (or not complete): wait, then look again.</summary>
    WaitForOrder,

    /// <summary>The qualifying order is final: reward both sides.</summary>
    Reward,
}
