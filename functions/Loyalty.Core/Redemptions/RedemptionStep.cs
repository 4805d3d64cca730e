namespace Loyalty.Core.Redemptions;

/// <summary>What happened in one step of a redemption, as <c>GET /api/v1/redemptions/{id}</c> shows it.</summary>
public sealed record RedemptionStep(StepState State, DateTimeOffset At, string? Detail = null);

public enum StepState
{
    Done,
    Failed,

    /// <summary>Nothing to do (e.g. nothing had been debited, so nothing is refunded).</summary>
    Skipped,
}
