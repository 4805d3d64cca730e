using System.Globalization;
using System.Text.RegularExpressions;
using Loyalty.Core.Common;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// A position in a tenant's feed: the row key of the last event read (<c>ev:{append ticks:D19}:{event id}</c>) or a
/// bare time (<c>ev:{ticks:D19}</c>, before every event appended at or after it), given to clients as base64url.
/// </summary>
internal static partial class EventFeedCursor
{
    public const string Prefix = "ev:";

    private const int TicksLength = 19;

    public static string At(long ticks) => Prefix + ticks.ToString("D19", CultureInfo.InvariantCulture);

    public static string RowKey(long ticks, string eventId) => At(ticks) + ":" + eventId;

    /// <summary>The event id of an event row key.</summary>
    public static string EventId(string rowKey) => rowKey[(Prefix.Length + TicksLength + 1)..];

    public static string Encode(string rowKey) => Base64UrlText.Encode(rowKey);

    /// <summary>The row key a cursor stands for; <see cref="InvalidContinuationTokenException"/> when this feed did not issue it.</summary>
    public static string Decode(string cursor)
    {
        var rowKey = Base64UrlText.Decode(cursor);
        return Shape().IsMatch(rowKey) ? rowKey : throw new InvalidContinuationTokenException();
    }

    /// <summary>Whether an event id can be part of a row key (Table Storage refuses <c>/ \ # ?</c> and control characters).</summary>
    public static bool IsKeySafe(string eventId) => EventIdShape().IsMatch(eventId);

    [GeneratedRegex(@"^ev:[0-9]{19}(:[^/\\#?\u0000-\u001f\u007f-\u009f]{1,512})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^[^/\\#?\u0000-\u001f\u007f-\u009f]{1,512}\z", RegexOptions.CultureInvariant)]
    private static partial Regex EventIdShape();
}
