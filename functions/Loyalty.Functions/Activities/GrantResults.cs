using Loyalty.Core.Activities;

namespace Loyalty.Functions.Activities;

/// <summary>What a grant did for each member.</summary>
public sealed record GrantResults(IReadOnlyList<GrantResult> Results);
