using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Family;

/// <summary>
/// Debits the sender, recording the expiry of every point taken. The monthly limits are counted on the sender's
/// account row in the same batch, per calendar month in the tenant's time zone — the month the member asked for the
/// transfer (<paramref name="RequestedAt"/>), even when a retry or the tidy-up writes the debit after the month turned.
/// </summary>
public sealed record TransferOut(string IdempotencyKey, string TransferId, string ToMemberId, long Points, TransferRules Rules, TimeZoneInfo Zone, DateTimeOffset RequestedAt) : LedgerCommand(IdempotencyKey)
{
    public const string MonthKey = "transfers.month";
    public const string CountKey = "transfers.count";
    public const string PointsKey = "transfers.points";

    protected override string Describe() => $"{TransferId}|{ToMemberId}|{Points}";

    /// <summary>The tenant-local calendar month a transfer made at <paramref name="at"/> counts toward.</summary>
    public static string MonthOf(DateTimeOffset at, TimeZoneInfo zone) =>
        TenantClock.LocalDate(at, zone).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Takes a returned transfer back out of the month it was counted in; a month already turned over keeps its new counts.</summary>
    internal static MemberAccount Uncount(MemberAccount account, string month, long points)
    {
        var state = account.State;
        if (state.GetValueOrDefault(MonthKey) != month)
        {
            return account;
        }

        var count = long.Parse(state.GetValueOrDefault(CountKey, "0"), CultureInfo.InvariantCulture);
        var counted = long.Parse(state.GetValueOrDefault(PointsKey, "0"), CultureInfo.InvariantCulture);
        return account with
        {
            State = new Dictionary<string, string>(state)
            {
                [CountKey] = Math.Max(count - 1, 0).ToString(CultureInfo.InvariantCulture),
                [PointsKey] = Math.Max(counted - points, 0).ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (!Rules.Enabled)
        {
            return Error.Rule("transfers-disabled", "This program does not allow points transfers.");
        }

        if (transaction.Account.Frozen)
        {
            return LedgerErrors.AccountFrozen("points cannot be transferred");
        }

        var state = transaction.Account.State;
        var month = MonthOf(RequestedAt, Zone);
        var sameMonth = state.GetValueOrDefault(MonthKey) == month;
        var count = sameMonth ? long.Parse(state.GetValueOrDefault(CountKey, "0"), CultureInfo.InvariantCulture) : 0;
        var points = sameMonth ? long.Parse(state.GetValueOrDefault(PointsKey, "0"), CultureInfo.InvariantCulture) : 0;
        if (count + 1 > Rules.MaxTransfersPerMonth)
        {
            return Error.Rule("monthly-transfer-count-reached", $"At most {Rules.MaxTransfersPerMonth} transfers a month; {count} were made in {month}.");
        }

        if (points + Points > Rules.MaxPointsPerMonth)
        {
            return Error.Rule("monthly-transfer-points-reached", $"At most {Rules.MaxPointsPerMonth} points a month can be transferred; {points} already were in {month}.");
        }

        var details = new Dictionary<string, string> { ["transferId"] = TransferId, ["counterparty"] = ToMemberId };
        var spent = transaction.SpendWithExpiry(Points, LedgerEntryType.TransferOut, TransferId, $"Transfer to {ToMemberId}", details);
        if (!spent.IsSuccess)
        {
            return spent.Error;
        }

        transaction.UpdateAccount(a => a with
        {
            State = new Dictionary<string, string>(a.State)
            {
                [MonthKey] = month,
                [CountKey] = (count + 1).ToString(CultureInfo.InvariantCulture),
                [PointsKey] = (points + Points).ToString(CultureInfo.InvariantCulture),
            },
        });
        return spent.Value.Entry;
    }
}
