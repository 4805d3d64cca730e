using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Expiry;

/// <summary>
/// Points given with an expiry of their own (an adjustment's or a grant's <c>expiresAt</c>, e.g. 回归专属积分 valid 7
/// days): in the future and no later than the program would let points earned now live.
/// </summary>
public static class LimitedTimePoints
{
    public const string Field = "expiresAt";

    /// <summary>The latest expiry when the program's points never expire.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3660);

    /// <summary>The requested expiry once checked, or the program's own when none was requested.</summary>
    public static Result<DateTimeOffset> ExpiresAt(DateTimeOffset? requested, ProgramRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var regular = rules.Expiry.ExpiresAt(now, rules.Zone());
        if (requested is not { } asked)
        {
            return regular;
        }

        var latest = regular == PointsLot.NeverExpires ? now + MaxLifetime : regular;
        if (asked <= now)
        {
            return Error.Validation(Field, "future", "expiresAt must be in the future.");
        }

        return asked > latest
            ? Error.Validation(Field, "maximum", $"expiresAt must be no later than {latest:O}, when points earned now expire under the program.")
            : asked;
    }
}
