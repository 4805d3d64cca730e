using Loyalty.Core.Audit;
using Loyalty.Core.Gifts;
using Loyalty.Core.Ledger;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Members;

/// <summary>
/// Everything the tenant holds about one member (the PIPL/GDPR access right), decrypted and whole: the profile with the
/// full phone number, preferences, balances, live lots, every ledger entry, every hold, family and WeChat bindings, the
/// referral code, redemptions with their shipping addresses, the profile history and the admin audit records about them.
/// </summary>
public sealed record MemberExport
{
    public required DateTimeOffset ExportedAt { get; init; }

    public required ExportedProfile Profile { get; init; }

    public required MemberPreferencesView Preferences { get; init; }

    public required MemberSummary Balance { get; init; }

    public required IReadOnlyList<PointsLot> Lots { get; init; }

    /// <summary>The whole points flow, newest first.</summary>
    public required IReadOnlyList<LedgerEntry> Ledger { get; init; }

    /// <summary>Every POS hold, open or closed, newest first.</summary>
    public required IReadOnlyList<PointsHold> Holds { get; init; }

    /// <summary>The member ids bound to this member as family.</summary>
    public required IReadOnlyList<string> Family { get; init; }

    public required IReadOnlyList<ExportedWeChatBinding> WeChat { get; init; }

    public string? ReferralCode { get; init; }

    public required IReadOnlyList<ExportedRedemption> Redemptions { get; init; }

    /// <summary>The profile changes (which fields, when, by which key), newest first; values are never kept in the history.</summary>
    public required IReadOnlyList<LedgerEntry> ProfileHistory { get; init; }

    /// <summary>Admin actions about the member, newest first.</summary>
    public required IReadOnlyList<AuditRecord> Audit { get; init; }
}

/// <summary>The profile as stored, decrypted: the phone number in full (E.164).</summary>
public sealed record ExportedProfile(
    string MemberId,
    string? Name,
    string? Phone,
    DateOnly? Birthday,
    string Language,
    bool Sms,
    string? StoreId,
    DateTimeOffset RegisteredAt,
    MemberStatus Status,
    string Tier,
    bool Frozen,
    string? MergedInto,
    DateTimeOffset? ClosedAt)
{
    public static ExportedProfile From(MemberAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Key.MemberId, account.Name, account.Phone, account.Birthday, account.Language, account.SmsAllowed, account.StoreId, account.RegisteredAt, account.Status, account.Tier, account.Frozen, account.MergedInto, account.ClosedAt);
    }
}

public sealed record ExportedWeChatBinding(string Channel, string OpenId, DateTimeOffset BoundAt, WeChatBindingSource Source)
{
    public static ExportedWeChatBinding From(WeChatBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new(binding.Channel, binding.OpenId, binding.BoundAt, binding.Source);
    }
}

public sealed record ExportedRedemption(
    string RedemptionId,
    string GiftId,
    string GiftName,
    GiftKind Kind,
    long Points,
    RedemptionStatus Status,
    ShippingAddress? ShipTo,
    Fulfilment? Fulfilment,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    public static ExportedRedemption From(RedemptionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.RedemptionId, record.GiftId, record.GiftName, record.Kind, record.Points, record.Status, record.ShipTo, record.Fulfilment, record.CreatedAt, record.FinishedAt);
    }
}
