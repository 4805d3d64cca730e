using System.Globalization;
using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger;

/// <summary>The ledger's refusals that several use cases give: one wording and one code each.</summary>
public static class LedgerErrors
{
    public const string AccountFrozenCode = "account-frozen";

    public const string InsufficientPointsCode = "insufficient-points";

    /// <summary>The account is frozen, so <paramref name="refused"/> (e.g. "points cannot be spent") until an unfreeze.</summary>
    public static Error AccountFrozen(string refused = "points cannot be spent") =>
        Error.Rule(AccountFrozenCode, $"The account is frozen; {refused} until it is unfrozen.");

    /// <summary>Fewer available points than <paramref name="needed"/>; <paramref name="needs"/> words what needs them ("are needed" by default).</summary>
    public static Error InsufficientPoints(long available, long needed, string? needs = null) =>
        Error.Rule(InsufficientPointsCode, needs is null
            ? $"The member has {Math.Max(available, 0).ToString(CultureInfo.InvariantCulture)} available points; {needed.ToString(CultureInfo.InvariantCulture)} are needed."
            : $"The member has {Math.Max(available, 0).ToString(CultureInfo.InvariantCulture)} available points; {needs} {needed.ToString(CultureInfo.InvariantCulture)}.");
}
