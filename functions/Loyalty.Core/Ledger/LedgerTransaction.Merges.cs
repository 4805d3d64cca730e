using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Members;

namespace Loyalty.Core.Ledger;

/// <summary>
/// Merging two accounts of one person: the source gives up every lot with its expiry (and its tier-qualifying months),
/// the target receives them; each side is one batch of its own partition, driven by <see cref="MergeService"/>.
/// </summary>
public sealed partial class LedgerTransaction
{
    public const string PendingPointsCode = "member-has-pending-points";
    public const string MemberFrozenCode = "member-frozen";
    public const string MemberDebtCode = "member-has-debt";
    public const string TierMonthPrefix = "tq:";
    public const string MergeNotClosedCode = "merge-not-closed";

    /// <summary>The source's SMS preference before the merge turned it off, so a merge given back restores it.</summary>
    private const string SmsAllowedDetail = "smsAllowed";

    /// <summary>Why this account cannot be merged away now, or null: points still moving or owed, or a freeze.</summary>
    public Error? MergeBlocker()
    {
        var open = _holds.Values.Where(h => h.Status == HoldStatus.Active).Select(h => h.HoldId).Order(StringComparer.Ordinal).ToList();
        if (open.Count > 0)
        {
            return OpenHolds(open);
        }

        if (Account.Frozen)
        {
            return Error.Conflict(MemberFrozenCode, $"Member '{Account.Key.MemberId}' is frozen; unfreeze the account before merging it.");
        }

        if (Pending > 0)
        {
            return Error.Conflict(PendingPointsCode, $"Member '{Account.Key.MemberId}' has {Pending.ToString(CultureInfo.InvariantCulture)} pending points (orders still inside their return window); merge once they are available.");
        }

        return Account.Debt > 0
            ? Error.Conflict(MemberDebtCode, $"Member '{Account.Key.MemberId}' owes {Account.Debt.ToString(CultureInfo.InvariantCulture)} points from a refund; merge once the debt is repaid or adjusted.")
            : null;
    }

    /// <summary>
    /// Takes every lot out with its expiry and closes the account as merged into <paramref name="into"/>. The entry
    /// carries the portions and the tier-qualifying months, so the target can be credited from the entry alone.
    /// </summary>
    public Result<LedgerEntry> MergeOut(string mergeId, string into)
    {
        if (MergeBlocker() is { } blocked)
        {
            return blocked;
        }

        var moving = _lots.Values.ToList();
        IReadOnlyList<LotPortion> portions = [.. moving.GroupBy(l => l.ExpiresAt).OrderBy(g => g.Key).Select(g => new LotPortion(g.Sum(l => l.Remaining), g.Key))];
        var details = new Dictionary<string, string>
        {
            ["mergeId"] = mergeId,
            ["counterparty"] = into,
            [LotPortions.DetailKey] = LotPortions.Format(portions),
            [SmsAllowedDetail] = Account.SmsAllowed ? "true" : "false",
        };
        foreach (var (key, value) in Account.State.Where(p => p.Key.StartsWith(TierMonthPrefix, StringComparison.Ordinal)))
        {
            details[key] = value;
        }

        _lots.Clear();
        Account = Account with { Status = MemberStatus.Merged, MergedInto = into, ClosedAt = Now, SmsAllowed = false, TierReviewAt = null };
        return Record(LedgerEntryType.MergeOut, -moving.Sum(l => l.Remaining), mergeId, $"Merged into {into}", moving.ToDictionary(l => l.LotId, l => l.Remaining), details);
    }

    /// <summary>Receives a merged account's portions (keeping their expiry) and adds its tier-qualifying months to this account's.</summary>
    public LedgerEntry MergeIn(string mergeId, string from, IReadOnlyList<LotPortion> portions, IReadOnlyDictionary<string, string> tierMonths)
    {
        ArgumentNullException.ThrowIfNull(portions);
        ArgumentNullException.ThrowIfNull(tierMonths);
        var account = Account;
        foreach (var (key, value) in tierMonths.Where(p => p.Key.StartsWith(TierMonthPrefix, StringComparison.Ordinal)))
        {
            var sum = decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture)
                + (decimal.TryParse(account.StateValue(key), NumberStyles.Number, CultureInfo.InvariantCulture, out var mine) ? mine : 0m);
            account = account.WithState(key, sum.ToString(CultureInfo.InvariantCulture));
        }

        Account = account;
        var details = new Dictionary<string, string> { ["mergeId"] = mergeId, ["counterparty"] = from };
        return portions.Sum(p => p.Points) > 0
            ? Receive(portions, LedgerEntryType.MergeIn, "merge", mergeId, $"Merged from {from}", details)
            : Note(LedgerEntryType.MergeIn, mergeId, $"Merged from {from}", details);
    }

    /// <summary>
    /// Undoes <see cref="MergeOut"/> when the target can no longer take the points (erased or merged away while the
    /// merge was between its steps): the account opens again with the portions it gave up (keeping their expiry; any
    /// that expired meanwhile expire at once, visibly) and its SMS preference, so nothing is lost or counted twice.
    /// </summary>
    public Result<LedgerEntry> ReturnMerge(string mergeId, string into, IReadOnlyList<LotPortion> portions, bool smsAllowed)
    {
        ArgumentNullException.ThrowIfNull(portions);
        if (Account.Status != MemberStatus.Merged || Account.MergedInto != into)
        {
            return Error.Conflict(MergeNotClosedCode, $"Member '{Account.Key.MemberId}' is not closed as merged into '{into}'; there is nothing to give back.");
        }

        Account = Account with { Status = MemberStatus.Active, MergedInto = null, ClosedAt = null, SmsAllowed = smsAllowed };
        var details = new Dictionary<string, string> { ["mergeId"] = mergeId, ["counterparty"] = into, ["returned"] = "true" };
        var reason = $"Merge into {into} could not be completed; points returned";
        return portions.Sum(p => p.Points) > 0
            ? Receive(portions, LedgerEntryType.MergeIn, "merge-return", mergeId, reason, details)
            : Note(LedgerEntryType.MergeIn, mergeId, reason, details);
    }

    /// <summary>The SMS preference a merge-out entry recorded (false when it recorded none).</summary>
    public static bool SmsAllowedBefore(LedgerEntry mergeOut)
    {
        ArgumentNullException.ThrowIfNull(mergeOut);
        return mergeOut.Details.GetValueOrDefault(SmsAllowedDetail) == "true";
    }
}
