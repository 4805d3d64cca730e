using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Members;

/// <summary>Registers members and reads their points. Registration is idempotent on the member id.</summary>
public sealed class MemberService(ILedgerStore ledger, IMemberDirectory directory, PhoneClaims phones, ProgramService programs, PhoneHashKey phoneKey, Referrals.ReferralCodes codes, Referrals.ReferralEnrolment referrals, TimeProvider time, Expiry.IExpiryIndex? expiryIndex = null)
{
    public async Task<Result<(MemberSummary Member, bool Created)>> RegisterAsync(string tenantId, RegisterMember request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        if (!MemberKey.IsValidMemberId(request.MemberId))
        {
            errors.Add(ResourceId.Violation("memberId"));
        }

        var phone = PhoneNumber.Parse(request.Phone);
        if (request.Phone is not null && phone is null)
        {
            errors.Add(new FieldError("phone", "phone-number", PhoneNumber.FormatRule));
        }

        errors.AddRange(new[] { ProfileRules.Name(request.Name), ProfileRules.Birthday(request.Birthday, time.GetUtcNow()) }.OfType<FieldError>());

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        // An unknown code refuses the registration before anything is written: the client fixes the code and retries.
        string? referrerId = null;
        if (request.ReferralCode is not null)
        {
            var referrer = await referrals.FindReferrerAsync(tenantId, request.ReferralCode, cancellationToken);
            if (!referrer.IsSuccess)
            {
                return referrer.Error;
            }

            referrerId = referrer.Value;
        }

        var key = new MemberKey(tenantId, request.MemberId!);
        var phoneHash = phone?.Hash(phoneKey.Key);
        var existing = await ledger.LoadAsync(key, cancellationToken);
        if (existing is not null)
        {
            return SameRegistration(existing.Account, phoneHash, request.Name?.Trim(), request.Birthday)
                ? (await WithReferralAsync(await WithCodeAsync(MemberSummary.From(existing, time.GetUtcNow()), existing.Account, cancellationToken), existing.Account, referrerId, request.ReferralCode, cancellationToken), false)
                : Error.Conflict("member-exists", $"Member '{key.MemberId}' is already registered with different details.");
        }

        if (phoneHash is not null)
        {
            if (!await phones.ClaimAsync(key, phoneHash, cancellationToken))
            {
                return Error.Conflict("phone-already-registered", "Another member is already registered with this phone number.");
            }
        }

        var account = new MemberAccount
        {
            Key = key,
            Name = request.Name?.Trim(),
            Phone = phone?.E164,
            PhoneHash = phoneHash,
            Birthday = request.Birthday,
            RegisteredAt = time.GetUtcNow(),
        };
        var opening = await OpeningAsync(account, cancellationToken);
        var expiries = Expiry.ExpiryIntents.NewLotExpiries([], opening.ChangedLots);
        if (expiryIndex is not null && expiries.Count > 0)
        {
            await expiryIndex.RecordAsync(key, expiries, cancellationToken);
        }

        var created = await ledger.CreateAccountAsync(opening.Account, opening.ChangedLots, opening.Entries, cancellationToken);
        var state = await ledger.LoadAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"Account {key} vanished right after registration.");
        if (!created && !SameRegistration(state.Account, phoneHash, account.Name, account.Birthday))
        {
            return Error.Conflict("member-exists", $"Member '{key.MemberId}' is already registered with different details.");
        }

        await directory.UpsertAsync(state.Account, cancellationToken);
        var summary = await WithCodeAsync(MemberSummary.From(state, time.GetUtcNow()), state.Account, cancellationToken);
        return (await WithReferralAsync(summary, state.Account, referrerId, request.ReferralCode, cancellationToken), created);
    }

    /// <summary>
    /// The referral the registration's code made (accepted, or refused with its reason; the member is registered either
    /// way). A repeated registration shows the same referral; past the referrer window it names none.
    /// </summary>
    private async Task<MemberSummary> WithReferralAsync(MemberSummary summary, MemberAccount account, string? referrerId, string? code, CancellationToken cancellationToken)
    {
        if (referrerId is null)
        {
            return summary;
        }

        var referral = await referrals.ReferAsync(account, referrerId, Referrals.ReferralCode.Normalize(code)!, cancellationToken);
        return referral.IsSuccess ? summary with { Referral = Referrals.ReferralView.From(referral.Value) } : summary;
    }

    public async Task<Result<MemberSummary>> GetAsync(MemberKey key, CancellationToken cancellationToken)
    {
        var state = await LoadAsync(key, cancellationToken);
        if (state is null || state.Account.Status == MemberStatus.Erased)
        {
            return state is null ? MemberNotFound(key) : MemberClosed(state.Account);
        }

        var program = await programs.GetAsync(key.TenantId, cancellationToken);
        return await WithCodeAsync(MemberSummary.From(state, time.GetUtcNow(), program.Rules), state.Account, cancellationToken);
    }

    /// <summary>Open accounts get their code on first need (members from before referrals have none yet); closed ones show what they had.</summary>
    private async Task<MemberSummary> WithCodeAsync(MemberSummary summary, MemberAccount account, CancellationToken cancellationToken) =>
        summary with
        {
            ReferralCode = account.IsOpen ? await codes.EnsureAsync(account.Key, cancellationToken) : await codes.GetAsync(account.Key, cancellationToken),
        };

    public async Task<Result<IReadOnlyList<PointsLot>>> GetLotsAsync(MemberKey key, CancellationToken cancellationToken)
    {
        var state = await LoadAsync(key, cancellationToken);
        if (state is null || state.Account.Status == MemberStatus.Erased)
        {
            return state is null ? MemberNotFound(key) : MemberClosed(state.Account);
        }

        var now = time.GetUtcNow();
        return state.Lots.Where(l => !l.IsExpired(now)).OrderBy(l => l.ExpiresAt).ThenBy(l => l.EarnedAt).ToList();
    }

    public async Task<Result<LedgerPage>> GetLedgerAsync(MemberKey key, LedgerQuery query, CancellationToken cancellationToken)
    {
        var account = MemberKey.IsValidMemberId(key.MemberId) ? await ledger.GetAccountAsync(key, cancellationToken) : null;
        if (account is null || account.Status == MemberStatus.Erased)
        {
            return account is null ? MemberNotFound(key) : MemberClosed(account);
        }

        try
        {
            return await ledger.QueryEntriesAsync(key, query, cancellationToken);
        }
        catch (InvalidContinuationTokenException)
        {
            return Error.BadRequest("invalid-continuation-token", "continuationToken was not issued by this API for this query.", "continuationToken");
        }
    }

    /// <summary>The new account, with the sign-up bonus (if the program has one) credited in the same batch that creates it.</summary>
    private async Task<LedgerTransaction> OpeningAsync(MemberAccount account, CancellationToken cancellationToken)
    {
        var program = await programs.GetAsync(account.Key.TenantId, cancellationToken);
        var rules = program.Rules;
        var opening = new LedgerTransaction(new MemberLedgerState(account, [], string.Empty), account.RegisteredAt, "signup", null) { ProgramVersion = program.Version };
        if (rules.Activities.SignUpBonus > 0)
        {
            var points = rules.Activities.SignUpBonus;
            opening.Earn(new EarnRequest(points, rules.Expiry.ExpiresAt(account.RegisteredAt, rules.Zone()), "signup", null, "Sign-up bonus"));
            if (rules.Tiers.Basis == TierBasis.PointsEarned)
            {
                opening.UpdateAccount(a => TierEngine.Record(a, points, account.RegisteredAt, rules.Zone()));
            }

            TierEngine.Evaluate(opening, rules);
        }

        return opening;
    }

    /// <summary>An id that could never have been registered is simply not found (and never reaches storage as a key).</summary>
    private Task<MemberLedgerState?> LoadAsync(MemberKey key, CancellationToken cancellationToken) =>
        MemberKey.IsValidMemberId(key.MemberId) ? ledger.LoadAsync(key, cancellationToken) : Task.FromResult<MemberLedgerState?>(null);

    private static bool SameRegistration(MemberAccount account, string? phoneHash, string? name, DateOnly? birthday) =>
        account.PhoneHash == phoneHash && account.Name == name && account.Birthday == birthday;

    public const string MemberNotFoundCode = "member-not-found";

    public const string MemberErasedCode = "member-erased";

    public const string MemberMergedCode = "member-merged";

    /// <summary>
    /// A merged account points to the one it became (409); an erased one is not found (404 <c>member-erased</c>): the id
    /// answers nothing about the person any more, and a client can tell it apart from a typo.
    /// </summary>
    public static Error MemberClosed(MemberAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Status == MemberStatus.Merged
            ? Error.Conflict(MemberMergedCode, $"Member '{account.Key.MemberId}' was merged into '{account.MergedInto}'; use that member.")
            : Error.NotFound(MemberErasedCode, $"Member '{account.Key.MemberId}' was erased on request; nothing about them is kept.");
    }

    /// <summary>Why <paramref name="account"/> (read for <paramref name="key"/>) cannot be acted on, or null for an open account.</summary>
    public static Error? Refusal(MemberKey key, MemberAccount? account) =>
        account is null ? MemberNotFound(key) : account.IsOpen ? null : MemberClosed(account);

    /// <summary>True for the refusals that mean "there is no open account to act on": background jobs treat them as done.</summary>
    public static bool IsClosedOrMissing(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code is MemberNotFoundCode or MemberErasedCode or MemberMergedCode;
    }

    public static Error MemberNotFound(MemberKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Error.NotFound(MemberNotFoundCode, $"Member '{key.MemberId}' does not exist.");
    }
}
