namespace Loyalty.Core.Redemptions;

/// <summary>Where a physical gift goes. The phone number is for the courier only and is never logged.</summary>
public sealed record ShippingAddress(string? Name, string? Phone, string? Address);
