namespace Loyalty.Core.Gifts;

public sealed record GiftPage(IReadOnlyList<Gift> Gifts, string? ContinuationToken);
