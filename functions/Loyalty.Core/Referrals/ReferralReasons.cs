namespace Loyalty.Core.Referrals;

/// <summary>Why a referral earned nothing: each rejection is recorded on the referral with one of these.</summary>
public static class ReferralReasons
{
    public const string SelfReferral = "self-referral";

    /// <summary>Referrer and referee share a phone number (by its hash).</summary>
    public const string SharedPhone = "shared-phone";

    /// <summary>The referee was already referred with another member's code: the first code wins.</summary>
    public const string AlreadyReferred = "already-referred";

    public const string MonthlyCap = "monthly-cap";

    public const string LifetimeCap = "lifetime-cap";

    /// <summary>The qualifying order was refunded or cancelled before its points became available.</summary>
    public const string OrderRefunded = "order-refunded";

    /// <summary>The referrer's account was erased or merged before the reward.</summary>
    public const string ReferrerClosed = "referrer-closed";
}
