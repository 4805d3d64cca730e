using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Events;

namespace Loyalty.Core.Reminders;

/// <summary>
/// <c>points.expiring</c>: the reminder job's notice that a member's points will expire, written as an outbox row in
/// the same transaction as the send-log row it starts (one per member, last usable day and offset), so it is told
/// once whatever becomes of the SMS. The recipient is never in it.
/// </summary>
public static class ExpiringPointsEvent
{
    public static LoyaltyEvent For(SmsSendRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new LoyaltyEvent
        {
            EventId = DerivedId.From(LoyaltyEventTypes.PointsExpiring, $"{record.TenantId}:{record.Key}"),
            Type = LoyaltyEventTypes.PointsExpiring,
            TenantId = record.TenantId,
            MemberId = record.MemberId,
            OccurredAt = record.UpdatedAt,
            Details = new Dictionary<string, string>
            {
                ["points"] = record.Points.ToString(CultureInfo.InvariantCulture),
                ["lastUsableDay"] = record.LastUsableDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["daysBefore"] = record.OffsetDays.ToString(CultureInfo.InvariantCulture),
            },
        };
    }
}
