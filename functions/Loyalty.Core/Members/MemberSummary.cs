using Loyalty.Core.Ledger;

namespace Loyalty.Core.Members;

/// <summary>A member's points as of now: what they can spend, what is still pending, what they owe, and their history totals.</summary>
public sealed record MemberSummary(
    string MemberId,
    string? Name,
    string? PhoneMasked,
    DateTimeOffset RegisteredAt,
    string Tier,
    bool Frozen,
    long Balance,
    long Available,
    long Pending,
    long Debt,
    long LifetimeEarned,
    long LifetimeSpent,
    long LifetimeExpired,
    DateTimeOffset? NextExpiryAt,
    long NextExpiryPoints)
{
    public DateOnly? Birthday { get; init; }

    /// <summary>Tier benefits and progress; present when read with the program.</summary>
    public TierStatus? TierStatus { get; init; }

    public static MemberSummary From(MemberLedgerState state, DateTimeOffset now, Programs.ProgramRules? program = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        state = state.AsOf(now);
        var held = state.Holds.Sum(h => h.Points);
        var live = state.Lots.Where(l => !l.IsExpired(now)).ToList();
        var availableLots = live.Where(l => l.IsAvailable(now)).Sum(l => l.Remaining);
        var pending = live.Where(l => l.IsPending(now)).Sum(l => l.Remaining);
        var next = live.Where(l => l.ExpiresAt != PointsLot.NeverExpires).OrderBy(l => l.ExpiresAt).FirstOrDefault();
        var account = state.Account;
        return new MemberSummary(
            account.Key.MemberId,
            account.Name,
            account.Phone is null ? null : PhoneNumber.Parse(account.Phone)?.Masked,
            account.RegisteredAt,
            program is null ? account.Tier : Programs.TierEngine.Effective(account, program, now).Name,
            account.Frozen,
            live.Sum(l => l.Remaining) + held - account.Debt,
            availableLots - account.Debt,
            pending,
            account.Debt,
            account.LifetimeEarned,
            account.LifetimeSpent,
            account.LifetimeExpired + state.Lots.Where(l => l.IsExpired(now)).Sum(l => l.Remaining),
            next?.ExpiresAt,
            next is null ? 0 : live.Where(l => l.ExpiresAt == next.ExpiresAt).Sum(l => l.Remaining))
        {
            Birthday = account.Birthday,
            TierStatus = program is null ? null : TierStatus.For(account, program, now),
            Held = held,
            Language = account.Language,
            Sms = account.SmsAllowed,
            StoreId = account.StoreId,
            Status = account.Status,
            MergedInto = account.MergedInto,
        };
    }

    /// <summary>Points held by open POS checkouts: counted in <see cref="Balance"/>, not in <see cref="Available"/>.</summary>
    public long Held { get; init; }

    public string Language { get; init; } = MemberLanguage.Default;

    /// <summary>Whether the member accepts SMS (reminders, notices).</summary>
    public bool Sms { get; init; } = true;

    public string? StoreId { get; init; }

    public MemberStatus Status { get; init; }

    /// <summary>For a merged account: the member it was merged into.</summary>
    public string? MergedInto { get; init; }

    /// <summary>The member's referral code (an open account always has one).</summary>
    public string? ReferralCode { get; init; }

    /// <summary>On a registration with <c>referralCode</c>: the referral it made (waiting, or rejected with its reason).</summary>
    public Referrals.ReferralView? Referral { get; init; }
}
