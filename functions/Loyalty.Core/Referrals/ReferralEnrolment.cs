using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Referrals;

/// <summary>
/// Records who referred a member: on registration with <c>referralCode</c>, or later within the program's referrer
/// window. The first accepted code wins; refused attempts (own code, shared phone, a second code) are recorded on the
/// referrer's side with their reason. With <c>refereePointsAtSignUp</c> the referee is credited here.
/// </summary>
public sealed class ReferralEnrolment(IReferralStore store, ReferralCodes codes, ILedgerStore ledgerStore, LedgerService ledger, ProgramService programs, TimeProvider time, LedgerRetryPolicy? retryPolicy = null)
{
    public const string CodeField = "referralCode";

    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    /// <summary>The member a typed code belongs to, checked before anything is written: unknown codes and a program without referrals are refused.</summary>
    public async Task<Result<string>> FindReferrerAsync(string tenantId, string? typed, CancellationToken cancellationToken)
    {
        var rules = (await programs.GetAsync(tenantId, cancellationToken)).Rules.Referrals;
        if (!rules.Enabled)
        {
            return Error.Validation(CodeField, "referrals-disabled", "The program does not run referrals; leave referralCode out.");
        }

        var referrer = await codes.FindMemberAsync(tenantId, typed, cancellationToken);
        return referrer is null
            ? Error.Validation(CodeField, "referral-code-unknown", "referralCode is not any member's referral code (8 characters, e.g. from GET /members/{id}/referral).")
            : referrer;
    }

    /// <summary><c>POST /members/{id}/referrer</c>: names who referred an existing member, within the program's window; a refusal is an error (and recorded).</summary>
    public async Task<Result<Referral>> NameReferrerAsync(MemberKey referee, string? typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referee);
        var account = MemberKey.IsValidMemberId(referee.MemberId) ? await ledgerStore.GetAccountAsync(referee, cancellationToken) : null;
        if (MemberService.Refusal(referee, account) is { } refused)
        {
            return refused;
        }

        var referrer = await FindReferrerAsync(referee.TenantId, typed, cancellationToken);
        if (!referrer.IsSuccess)
        {
            return referrer.Error;
        }

        var referral = await ReferAsync(account!, referrer.Value, ReferralCode.Normalize(typed)!, cancellationToken);
        if (!referral.IsSuccess)
        {
            return referral;
        }

        return referral.Value.Status == ReferralStatus.Rejected ? Refusal(referral.Value) : referral;
    }

    /// <summary>
    /// The referral of <paramref name="referee"/> by <paramref name="referrerId"/>: the accepted (or already recorded) one,
    /// or the refused attempt with its reason. Safe to repeat: the same code gives the same referral. A member without
    /// a referral is past naming one once the program's referrer window since registering has closed.
    /// </summary>
    public async Task<Result<Referral>> ReferAsync(MemberAccount referee, string referrerId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referee);
        var tenantId = referee.Key.TenantId;
        var now = time.GetUtcNow();
        var rules = (await programs.GetAsync(tenantId, cancellationToken)).Rules.Referrals;
        var attempt = new Referral
        {
            TenantId = tenantId,
            RefereeId = referee.Key.MemberId,
            ReferrerId = referrerId,
            Code = code,
            Status = ReferralStatus.Waiting,
            ReferredAt = now,
            Deadline = now.AddDays(rules.TimeoutDays),
            RefereePaidAtSignUp = rules.RefereePointsAtSignUp && rules.RefereePoints > 0,
            RefereeSignUpPoints = rules.RefereePointsAtSignUp ? rules.RefereePoints : 0,
        };
        var existing = await store.GetAsync(tenantId, referee.Key.MemberId, cancellationToken);
        if (existing is null && now > referee.RegisteredAt.AddDays(rules.ReferrerWindowDays))
        {
            return Error.Rule("referrer-window-closed", $"A referrer can be named within {rules.ReferrerWindowDays} day(s) of registering; member '{referee.Key.MemberId}' registered on {referee.RegisteredAt:yyyy-MM-dd}.");
        }

        if (existing is not null)
        {
            return existing.ReferrerId == referrerId ? await PaySignUpAsync(existing, cancellationToken) : await RejectAsync(attempt, ReferralReasons.AlreadyReferred, cancellationToken);
        }

        if (referrerId == referee.Key.MemberId)
        {
            return await RejectAsync(attempt, ReferralReasons.SelfReferral, cancellationToken);
        }

        var referrer = await ledgerStore.GetAccountAsync(new MemberKey(tenantId, referrerId), cancellationToken);
        if (referrer is null || !referrer.IsOpen)
        {
            return await RejectAsync(attempt, ReferralReasons.ReferrerClosed, cancellationToken);
        }

        if (referee.PhoneHash is not null && referee.PhoneHash == referrer.PhoneHash)
        {
            return await RejectAsync(attempt, ReferralReasons.SharedPhone, cancellationToken);
        }

        var (stored, _) = await store.AddOrGetAsync(attempt, cancellationToken);
        return stored.ReferrerId == referrerId
            ? await PaySignUpAsync(stored, cancellationToken)
            : await RejectAsync(attempt, ReferralReasons.AlreadyReferred, cancellationToken);
    }

    /// <summary>The refusal as the API answers it; the attempt itself is already recorded.</summary>
    public static Error Refusal(Referral rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        return rejected.Reason switch
        {
            ReferralReasons.AlreadyReferred => Error.Conflict(ReferralReasons.AlreadyReferred, $"Member '{rejected.RefereeId}' was already referred with another code; the first code counts."),
            ReferralReasons.SelfReferral => Error.Validation(CodeField, ReferralReasons.SelfReferral, "A member cannot use their own referral code."),
            ReferralReasons.SharedPhone => Error.Validation(CodeField, ReferralReasons.SharedPhone, "The code belongs to a member with the same phone number; such referrals earn nothing."),
            _ => Error.Validation(CodeField, rejected.Reason ?? "referral-rejected", "The referral code's owner can no longer refer members."),
        };
    }

    private async Task<Referral> RejectAsync(Referral attempt, string reason, CancellationToken cancellationToken)
    {
        var rejected = attempt with { Status = ReferralStatus.Rejected, Reason = reason, ClosedAt = attempt.ReferredAt, RefereePaidAtSignUp = false, RefereeSignUpPoints = 0 };
        await store.RecordRejectedAsync(rejected, cancellationToken);
        return rejected;
    }

    /// <summary>The referee's sign-up credit, once (keyed per referral and side); recorded on the row. Repeating it replays the ledger's first result.</summary>
    private async Task<Referral> PaySignUpAsync(Referral referral, CancellationToken cancellationToken)
    {
        if (!referral.RefereePaidAtSignUp || referral.RefereePoints == referral.RefereeSignUpPoints)
        {
            return referral;
        }

        var program = await programs.GetAsync(referral.TenantId, cancellationToken);
        var referee = new MemberKey(referral.TenantId, referral.RefereeId);
        var command = new CreditReferralReward(CreditReferralReward.KeyFor(referral.RefereeId, ReferralSide.Referee), program.Rules, referral.RefereeSignUpPoints, referral.RefereeId, ReferralSide.Referee)
        {
            ProgramVersion = program.Version,
        };
        var credited = await ledger.ExecuteAsync(referee, command, cancellationToken);
        if (!credited.IsSuccess)
        {
            // The driver's reward step credits the same key again, so a refusal now (a concurrent change) is not lost.
            return referral;
        }

        var recorded = await _retry.RunAsync<Referral>(
            async () =>
            {
                var current = await store.GetAsync(referral.TenantId, referral.RefereeId, cancellationToken);
                if (current is null || current.RefereePoints == current.RefereeSignUpPoints)
                {
                    return current ?? referral;
                }

                var paid = current with { RefereePoints = current.RefereeSignUpPoints };
                return await store.TryUpdateAsync(current, paid, null, cancellationToken) ? paid : Attempt.Again;
            },
            "The referral is being changed by other requests.",
            cancellationToken);
        return recorded.IsSuccess ? recorded.Value : referral;
    }
}
