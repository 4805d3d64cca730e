using System.Globalization;

namespace Loyalty.Core.Expiry;

/// <summary>A clearing run is named by its tenant and date, so a double timer fire or a repeated request finds the same run.</summary>
public static class ClearingRunIds
{
    public const string DateFormat = "yyyy-MM-dd";

    public static string RunId(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string InstanceId(string tenantId, DateOnly date) => $"clearing:{tenantId}:{RunId(date)}";

    /// <summary>The ledger idempotency key of one member's clearing for the date (the key lives in the member's partition).</summary>
    public static string LedgerKey(DateOnly date) => $"clearing:{RunId(date)}";

    public static bool TryParse(string? runId, out DateOnly date) =>
        DateOnly.TryParseExact(runId, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
