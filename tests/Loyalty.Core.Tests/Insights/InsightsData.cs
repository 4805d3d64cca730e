using System.Globalization;
using Loyalty.Core.Insights;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Tests.Insights;

/// <summary>Short builders for hand-computed histories.</summary>
internal static class InsightsData
{
    public static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    public static DateRange Range(string from, string to) => new(D(from), D(to));

    public static MemberActivity Member(string id, string registered = "2025-01-01", string tier = "normal", string? store = null) =>
        new() { MemberId = id, RegisteredOn = D(registered), Tier = tier, StoreId = store };

    /// <summary>A member with month buckets ("2026-01", orders, amount) and the last purchase on <paramref name="last"/>.</summary>
    public static MemberActivity Buyer(string id, string? last, params (string Month, int Count, decimal Amount)[] months) =>
        Member(id) with
        {
            LastPurchaseOn = last is null ? null : D(last),
            LastActivityOn = last is null ? null : D(last),
            Months = [.. months.Select(m => new PurchaseBucket(D(m.Month + "-01"), m.Count, m.Amount))],
        };

    public static TenantDay Day(string date) => new() { Date = D(date) };

    public static Dictionary<LedgerEntryType, long> Points(params (LedgerEntryType Type, long Points)[] points) =>
        points.ToDictionary(p => p.Type, p => p.Points);

    public static Dictionary<SpendChannel, long> Spent(params (SpendChannel Channel, long Points)[] points) =>
        points.ToDictionary(p => p.Channel, p => p.Points);
}
