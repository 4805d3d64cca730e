namespace Loyalty.Core.Insights;

/// <summary>A two-proportion z-test: the statistic and its two-sided p-value, or why there is none.</summary>
public sealed record ZTestResult(double? Z, double? PValue, string? UndefinedReason);
