using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Activities;

/// <summary>Points per share, capped per platform per local day (e.g. WeChat Moments once a day).</summary>
public sealed record Share(string IdempotencyKey, ProgramRules Rules, string Platform, string? Reference) : ActivityCommand(IdempotencyKey, Rules)
{
    private const string Prefix = "share:";

    protected override string Describe() => $"{Platform}|{Reference}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (!Rules.Activities.Shares.TryGetValue(Platform, out var rule))
        {
            return Error.Validation("platform", "known-platform", $"'{Platform}' is not a share platform of this program: {string.Join(", ", Rules.Activities.Shares.Keys)}.");
        }

        var today = Today(transaction).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var key = $"{Prefix}{Platform}:{today}";
        var count = transaction.Account.StateNumber(key);
        if (count >= rule.DailyCap)
        {
            var next = Tomorrow(transaction);
            return new Error(ErrorKind.TooManyRequests, "share-limit-reached", $"Shares on {Platform} earn at most {rule.DailyCap} time(s) a day; the next opens at {next:yyyy-MM-dd HH:mm zzz}.") { RetryAt = next };
        }

        transaction.UpdateAccount(a => a.WithState(key, (count + 1).ToString(CultureInfo.InvariantCulture), k => k.StartsWith(Prefix, StringComparison.Ordinal) && !k.EndsWith(today, StringComparison.Ordinal)));
        return Credit(transaction, rule.Points, "share", Reference ?? Platform, $"Shared on {Platform}", new Dictionary<string, string> { ["platform"] = Platform });
    }
}
