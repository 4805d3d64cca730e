using Loyalty.Core.Gifts;

namespace Loyalty.Core.Redemptions;

/// <summary>A redemption and the state of each of its steps; the activities update it as they go.</summary>
public sealed record RedemptionRecord
{
    public required string TenantId { get; init; }

    public required string RedemptionId { get; init; }

    public required string MemberId { get; init; }

    public required string GiftId { get; init; }

    public required GiftKind Kind { get; init; }

    public required string GiftName { get; init; }

    /// <summary>The price when the redemption was accepted; the reserve step fixes the price actually charged.</summary>
    public required long Points { get; init; }

    public ShippingAddress? ShipTo { get; init; }

    public required RedemptionStatus Status { get; init; }

    public IReadOnlyDictionary<string, RedemptionStep> Steps { get; init; } = new Dictionary<string, RedemptionStep>();

    public string? DebitEntryId { get; init; }

    public string? RefundEntryId { get; init; }

    public Fulfilment? Fulfilment { get; init; }

    public string? FailureCode { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>Identifies the request, so the same idempotency key with a different request is refused, not replayed.</summary>
    public required string Fingerprint { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? ETag { get; init; }

    public bool IsFinished => Status is RedemptionStatus.Completed or RedemptionStatus.Failed or RedemptionStatus.Cancelled;

    public RedemptionRecord WithStep(string step, StepState state, DateTimeOffset at, string? detail = null) =>
        this with { Steps = new Dictionary<string, RedemptionStep>(Steps) { [step] = new RedemptionStep(state, at, detail) }, UpdatedAt = at };
}
