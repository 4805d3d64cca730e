namespace Loyalty.Core.Redemptions;

/// <summary>The final status the orchestration writes, with the reason when it did not complete.</summary>
public sealed record RedemptionClosing(RedemptionInput Input, RedemptionStatus Status, string? Code = null, string? Reason = null);
