namespace Loyalty.Core.Gifts;

/// <summary>What a coupon gift gives: exactly one of an amount off or a percentage off, valid for <see cref="ValidDays"/> local days.</summary>
public sealed record CouponTerms(decimal? AmountOff, int? PercentOff, int ValidDays, decimal? MinimumSpend = null);
