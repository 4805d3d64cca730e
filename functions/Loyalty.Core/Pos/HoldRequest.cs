namespace Loyalty.Core.Pos;

/// <summary>Hold <see cref="Points"/> for order <see cref="OrderId"/>; the basket is re-quoted so the program's caps hold.</summary>
public sealed record HoldRequest(string? MemberId, string? OrderId, long? Points, IReadOnlyList<BasketLine>? Lines);
