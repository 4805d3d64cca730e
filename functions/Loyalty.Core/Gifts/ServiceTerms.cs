namespace Loyalty.Core.Gifts;

/// <summary>A service voucher: how long the service takes and for how many local days the voucher can be booked.</summary>
public sealed record ServiceTerms(int ValidDays, int? DurationMinutes = null);
