namespace Loyalty.Core.Pos;

public sealed record QuoteRequest(string? MemberId, IReadOnlyList<BasketLine>? Lines);
