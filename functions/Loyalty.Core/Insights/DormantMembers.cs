namespace Loyalty.Core.Insights;

/// <summary>Members with no activity for <see cref="Days"/> days (<see cref="Dormancy"/>): counts by store and tier, and their ids in order.</summary>
public sealed record DormantMembers(int Days, int Count, IReadOnlyDictionary<string, int> ByStore, IReadOnlyDictionary<string, int> ByTier, IReadOnlyList<string> MemberIds);
