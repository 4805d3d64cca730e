namespace Loyalty.Core.Programs;

/// <summary>A stored version of a tenant's rules. Every ledger entry records the version that produced it.</summary>
public sealed record LoyaltyProgram(string TenantId, int Version, ProgramRules Rules, DateTimeOffset UpdatedAt, string? UpdatedBy);
