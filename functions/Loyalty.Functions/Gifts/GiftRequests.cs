namespace Loyalty.Functions.Gifts;

/// <summary>The body of <c>POST /api/v1/gifts/{giftId}/stock</c>: units to add (negative removes).</summary>
public sealed record StockAdjustment(long? Delta);

/// <summary>The body of <c>POST /api/v1/gifts/{giftId}/codes</c>: codes for a virtual gift's pool.</summary>
public sealed record CodeLoad(IReadOnlyList<string>? Codes);
