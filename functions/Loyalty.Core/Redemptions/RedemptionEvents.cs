using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Events;

namespace Loyalty.Core.Redemptions;

/// <summary>
/// The <c>redemption.{status}</c> events: one when a redemption is accepted and one each time its status changes,
/// written as an outbox row in the redemption's own partition in the same transaction as the record. The id is derived
/// from the redemption and the status, so the same transition reported twice is the same event.
/// </summary>
public static class RedemptionEvents
{
    public static string TypeOf(RedemptionStatus status) => LoyaltyEventTypes.RedemptionPrefix + status switch
    {
        RedemptionStatus.AwaitingShipment => "awaiting_shipment",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The event of the record's status, or none when <paramref name="previous"/> was the same status already.</summary>
    public static IReadOnlyList<LoyaltyEvent> For(RedemptionRecord record, RedemptionStatus? previous)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (previous == record.Status)
        {
            return [];
        }

        var type = TypeOf(record.Status);
        var details = new Dictionary<string, string>
        {
            ["giftId"] = record.GiftId,
            ["points"] = record.Points.ToString(CultureInfo.InvariantCulture),
        };
        if (record.FailureCode is { } failure)
        {
            details["failureCode"] = failure;
        }

        return
        [
            new LoyaltyEvent
            {
                EventId = DerivedId.From(type, $"{record.TenantId}:{record.RedemptionId}"),
                Type = type,
                TenantId = record.TenantId,
                MemberId = record.MemberId,
                OccurredAt = record.Status == RedemptionStatus.Accepted ? record.CreatedAt : record.UpdatedAt,
                Reference = record.RedemptionId,
                Details = details,
            },
        ];
    }
}
