using Loyalty.Core.Common;
using Loyalty.Core.Family;
using Loyalty.Core.Pos;
using Loyalty.Core.Referrals;
using Loyalty.Core.Reminders;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Programs;

/// <summary>Checks a whole program and reports every problem at once, each with the JSON path of its field: the program's own fields here, each rule block by its own validator.</summary>
public static class ProgramValidator
{
    private static readonly HashSet<string> Currencies = ["CNY", "HKD", "MOP", "TWD", "USD", "EUR", "SGD", "JPY", "KRW", "GBP", "AUD", "MYR", "THB"];

    public static IReadOnlyList<FieldError> Validate(ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(rules.Name) || !TextBounds.Name.Contains(rules.Name))
        {
            errors.Add("name", "length", "name must be 1-100 characters.");
        }

        if (!TenantClock.IsKnownZone(rules.TimeZone))
        {
            errors.Add("timeZone", "known-time-zone", $"'{rules.TimeZone}' is not a known IANA time zone.");
        }

        if (!Currencies.Contains(rules.Currency))
        {
            errors.Add("currency", "iso-4217", $"'{rules.Currency}' is not a supported ISO 4217 currency code.");
        }

        Block(rules.Earning, "earning", "earning is required.", errors, EarningRulesValidator.Validate);
        Block(rules.Expiry, "expiry", "expiry is required.", errors, ExpiryPolicyValidator.Validate);
        Block(rules.Activities, "activities", "activities is required.", errors, ActivityRulesValidator.Validate);
        TierRulesValidator.Validate(rules.Tiers, errors.At("tiers"));
        Block(rules.Cash, "cash", "cash is required (omit it for the defaults).", errors, PointsCashRulesValidator.Validate);
        Block(rules.Transfers, "transfers", "transfers is required (omit it for the defaults).", errors, TransferRulesValidator.Validate);
        Block(rules.Referrals, "referrals", "referrals is required (omit it for the defaults).", errors, ReferralRulesValidator.Validate);
        Block(rules.Reminders, "reminders", "reminders is required (omit it for the defaults).", errors, ReminderRulesValidator.Validate);
        errors.AddRange(WeChatRulesValidator.Validate(rules));
        return errors.ToList();
    }

    /// <summary>A block sent as <c>null</c> is refused as missing; otherwise its validator checks it under its own path.</summary>
    private static void Block<T>(T? block, string field, string missing, FieldErrors errors, Action<T, FieldErrors> validate)
        where T : class
    {
        if (block is null)
        {
            errors.Add(field, "required", missing);
            return;
        }

        validate(block, errors.At(field));
    }
}
