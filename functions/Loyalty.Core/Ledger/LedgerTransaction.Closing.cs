using Loyalty.Core.Common;
using Loyalty.Core.Members;

namespace Loyalty.Core.Ledger;

/// <summary>Erasure (注销): the points left are forfeited with one entry, and the person's data leaves the account row.</summary>
public sealed partial class LedgerTransaction
{
    public const string OpenHoldsCode = "member-has-open-holds";

    /// <summary>
    /// Forfeits every lot (pending and frozen ones too) with one <see cref="LedgerEntryType.Forfeit"/> entry and closes the
    /// account as <see cref="MemberStatus.Erased"/>: name, phone, phone hash, birthday and rule state are dropped, SMS is
    /// off. Debt stays as it was, so the tenant's totals still add up. Refused while a POS hold is open: its order is
    /// still being paid with those points.
    /// </summary>
    public Result<LedgerEntry> Erase(string reason)
    {
        var open = _holds.Values.Where(h => h.Status == HoldStatus.Active).Select(h => h.HoldId).Order(StringComparer.Ordinal).ToList();
        if (open.Count > 0)
        {
            return OpenHolds(open);
        }

        var forfeited = _lots.Values.OrderBy(l => l.ExpiresAt).ThenBy(l => l.LotId, StringComparer.Ordinal).ToList();
        _lots.Clear();
        Account = Account with
        {
            Name = null,
            Phone = null,
            PhoneHash = null,
            Birthday = null,
            SmsAllowed = false,
            TierReviewAt = null,
            State = new Dictionary<string, string>(),
            Status = MemberStatus.Erased,
            ClosedAt = Now,
        };
        return Record(LedgerEntryType.Forfeit, -forfeited.Sum(l => l.Remaining), null, reason, forfeited.ToDictionary(l => l.LotId, l => l.Remaining), null);
    }

    public static Error OpenHolds(IReadOnlyCollection<string> holdIds)
    {
        ArgumentNullException.ThrowIfNull(holdIds);
        return Error.Conflict(OpenHoldsCode, $"The member has {holdIds.Count} open POS hold(s) ({string.Join(", ", holdIds)}); capture or release them first.");
    }
}
