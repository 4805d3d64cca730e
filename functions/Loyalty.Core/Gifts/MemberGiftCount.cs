namespace Loyalty.Core.Gifts;

/// <summary>How many units of a gift a member currently holds (for the per-member limit), with the row version that guards the next change.</summary>
public sealed record MemberGiftCount(int Count, string? ETag);
