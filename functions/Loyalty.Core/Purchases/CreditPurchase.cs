using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Earning;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Purchases;

/// <summary>
/// Credits an order inside the member's batch: the rules engine runs against the member's tier and birthday as they
/// are in that same batch, the tier qualification is recorded, and an upgrade happens in the same write. Every business
/// date comes from when the purchase happened, never from when the queue got to it: the expiry, the return window, the
/// campaign and birthday days, and the tier period it counts toward.
/// </summary>
public sealed record CreditPurchase(Purchase Purchase, ProgramRules Rules) : LedgerCommand(IdempotencyKeys.Purchase(Purchase.OrderId))
{
    /// <summary>Lots of orders that are not complete yet stay pending until the order completes.</summary>
    public static readonly DateTimeOffset UntilCompleted = DateTimeOffset.MaxValue;

    /// <summary>What the order's POS holds captured, as read from the ledger (<see cref="OrderHolds"/>).</summary>
    public CapturedPoints Captured { get; init; } = CapturedPoints.None;

    protected override string Describe() => $"{Purchase.OrderId}|{Purchase.MemberId}|{Purchase.CashPaid}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var zone = Rules.Zone();
        var occurredAt = Purchase.OccurredAt < transaction.Now ? Purchase.OccurredAt : transaction.Now;
        TierEngine.Evaluate(transaction, Rules, occurredAt);
        var birthday = BirthdayApplies(transaction, zone);
        var breakdown = EarningCalculator.Calculate(Purchase, Rules, new EarningContext(transaction.Account.Tier, birthday));
        if (birthday)
        {
            var year = TenantClock.LocalDate(Purchase.OccurredAt, zone).Year;
            transaction.UpdateAccount(a => a.WithState(BirthdayYearKey, year.ToString(CultureInfo.InvariantCulture)));
        }

        var qualifying = Rules.Tiers.Basis == TierBasis.Spend ? Purchase.CashPaid : breakdown.Points;
        transaction.UpdateAccount(a => TierEngine.Record(a, qualifying, Purchase.OccurredAt, zone));
        LedgerEntry? entry = null;
        if (breakdown.Points > 0)
        {
            entry = transaction.Earn(new EarnRequest(breakdown.Points, Rules.Expiry.ExpiresAt(Purchase.OccurredAt, zone), "purchase", Purchase.OrderId, breakdown.Explanation)
            {
                AvailableAt = Purchase.Completed ? Purchase.OccurredAt.AddDays(Rules.Earning.ReturnWindowDays) : UntilCompleted,
                Mergeable = false,
                Details = Details(breakdown),
            });
        }

        // The upgrade this order earned belongs to the period it happened in; a review due since then runs after it.
        TierEngine.Evaluate(transaction, Rules, occurredAt);
        TierEngine.Evaluate(transaction, Rules);
        return entry;
    }

    public const string BirthdayYearKey = "birthday.year";

    private bool BirthdayApplies(LedgerTransaction transaction, TimeZoneInfo zone)
    {
        var account = transaction.Account;
        if (Rules.Earning.Birthday is not { } benefit || account.Birthday is not { } birthday)
        {
            return false;
        }

        var date = TenantClock.LocalDate(Purchase.OccurredAt, zone);
        var inWindow = benefit.Window == BirthdayWindow.Month
            ? date.Month == birthday.Month
            : date.Month == birthday.Month && (date.Day == birthday.Day || (birthday is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(date.Year) && date.Day == 28));
        return inWindow && account.StateValue(BirthdayYearKey) != date.Year.ToString(CultureInfo.InvariantCulture);
    }

    private Dictionary<string, string> Details(EarningBreakdown breakdown)
    {
        var details = new Dictionary<string, string>
        {
            ["store"] = Purchase.StoreId ?? string.Empty,
            ["cashPaid"] = Purchase.CashPaid.ToString("0.00", CultureInfo.InvariantCulture),
            ["pointsPaid"] = Captured.Points.ToString(CultureInfo.InvariantCulture),
        };
        if (Purchase.HoldIds.Count > 0)
        {
            details["holds"] = string.Join(",", Purchase.HoldIds);
        }

        if (breakdown.Campaigns.Count > 0)
        {
            details["campaigns"] = string.Join(",", breakdown.Campaigns.Select(c => $"{c.CampaignId}:{c.Points}"));
        }

        if (breakdown.LadderBonus > 0)
        {
            details["ladder"] = breakdown.LadderBonus.ToString(CultureInfo.InvariantCulture);
        }

        if (breakdown.TierMultiplier != 1)
        {
            details["tierMultiplier"] = breakdown.TierMultiplier.ToString(CultureInfo.InvariantCulture);
        }

        if (breakdown.BirthdayMultiplier != 1 || breakdown.BirthdayBonus > 0)
        {
            details["birthday"] = $"x{breakdown.BirthdayMultiplier.ToString(CultureInfo.InvariantCulture)}+{breakdown.BirthdayBonus}";
        }

        return details;
    }
}
