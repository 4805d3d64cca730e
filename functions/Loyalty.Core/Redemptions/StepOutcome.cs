namespace Loyalty.Core.Redemptions;

/// <summary>What an activity reports back to the orchestration: success, or the business reason it could not be done.</summary>
public sealed record StepOutcome(bool Succeeded, string? Code = null, string? Message = null)
{
    /// <summary>The reserve step: the price the debit must take.</summary>
    public long Points { get; init; }

    /// <summary>The fulfil step: a physical gift that now waits for the merchant to ship it.</summary>
    public bool AwaitsShipment { get; init; }

    /// <summary>Set when the redemption had already finished: a replayed start stops here and reports how it ended.</summary>
    public RedemptionStatus? FinishedAs { get; init; }

    public static StepOutcome Ok() => new(true);

    public static StepOutcome Fail(string code, string message) => new(false, code, message);
}
