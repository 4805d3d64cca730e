namespace Loyalty.Functions.Gifts;

/// <summary>A page of the gift catalog.</summary>
public sealed record GiftList(IReadOnlyList<GiftView> Gifts, string? ContinuationToken);

/// <summary>How many codes a load added and the gift's stock after it.</summary>
public sealed record CodeLoadResult(int Added, long Stock);
