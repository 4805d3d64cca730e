using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Members;

/// <summary>Keeps a member's profile current: preferences and profile fields, each change one ledger batch with a history entry.</summary>
public sealed class ProfileService(LedgerService ledger, ILedgerStore store, PhoneClaims phones, PhoneHashKey lookupKey, TimeProvider time)
{
    /// <summary>
    /// Changes the profile. A new phone number is claimed first (409 when another member holds it), then the account
    /// changes, then the old number is released: a reader never sees the member without a number it can be found by,
    /// and a crash in between leaves only a claim no account backs, which <see cref="PhoneClaims"/> reconciles.
    /// </summary>
    public async Task<Result<ProfileUpdate<MemberProfileView>>> UpdateAsync(MemberKey member, UpdateProfile request, string idempotencyKey, string @operator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetUtcNow();
        var validated = Validate(request, started);
        if (!validated.IsSuccess)
        {
            return validated.Error;
        }

        var changes = validated.Value;
        var current = MemberKey.IsValidMemberId(member.MemberId) ? await store.GetAccountAsync(member, cancellationToken) : null;
        if (current is null || !current.IsOpen)
        {
            return current is null ? MemberService.MemberNotFound(member) : MemberService.MemberClosed(current);
        }

        if (changes.PhoneHash is { } claimed && claimed != current.PhoneHash && !await phones.ClaimAsync(member, claimed, cancellationToken))
        {
            return Error.Conflict("phone-already-registered", "Another member is already registered with this phone number.");
        }

        var changed = await ChangeAsync(member, changes, idempotencyKey, @operator, cancellationToken);
        if (!changed.IsSuccess)
        {
            return changed.Error;
        }

        if (current.PhoneHash is { } old && old != changed.Value.Account.PhoneHash)
        {
            await phones.ReleaseAsync(member, old, started, cancellationToken);
        }

        return new ProfileUpdate<MemberProfileView>(MemberProfileView.From(changed.Value.Account), changed.Value.Outcome);
    }

    private Result<ProfileChanges> Validate(UpdateProfile request, DateTimeOffset now)
    {
        var phone = request.Phone.IsSet ? PhoneNumber.Parse(request.Phone.Value) : null;
        var language = request.Language.IsSet ? MemberLanguage.Normalize(request.Language.Value) : null;
        var errors = new List<FieldError>();
        if (!(request.Name.IsSet || request.Phone.IsSet || request.Birthday.IsSet || request.Language.IsSet || request.StoreId.IsSet || request.Sms.IsSet))
        {
            errors.Add(new FieldError("body", "required", "Send at least one of: name, phone, birthday, language, storeId, sms."));
        }

        if (request.Phone is { IsSet: true, Value: not null } && phone is null)
        {
            errors.Add(new FieldError("phone", "phone-number", PhoneNumber.FormatRule));
        }

        if (request.Language.IsSet && language is null)
        {
            errors.Add(LanguageError());
        }

        if (request.Sms is { IsSet: true, Value: null })
        {
            errors.Add(new FieldError("sms", "required", "sms must be true or false."));
        }

        var name = request.Name.Value?.Trim();
        var storeId = request.StoreId.Value?.Trim();
        errors.AddRange(new[] { ProfileRules.Name(name), ProfileRules.Birthday(request.Birthday.Value, now), ProfileRules.StoreId(storeId) }.OfType<FieldError>());
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        return new ProfileChanges
        {
            Name = request.Name.IsSet ? Patch<string?>.Set(name is { Length: > 0 } ? name : null) : default,
            Phone = request.Phone.IsSet ? Patch<PhoneNumber?>.Set(phone) : default,
            PhoneHash = phone?.Hash(lookupKey.Key),
            Birthday = request.Birthday,
            Language = language is null ? default : Patch<string>.Set(language),
            StoreId = request.StoreId.IsSet ? Patch<string?>.Set(storeId) : default,
            Sms = request.Sms.Value is { } sms ? Patch<bool>.Set(sms) : default,
        };
    }

    public async Task<Result<ProfileUpdate<MemberPreferencesView>>> SetPreferencesAsync(MemberKey member, MemberPreferences request, string idempotencyKey, string @operator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(request);
        var language = MemberLanguage.Normalize(request.Language);
        var errors = new List<FieldError>();
        if (request.Sms is null && request.Language is null)
        {
            errors.Add(new FieldError("sms", "required", "Send sms (true or false), language, or both."));
        }

        if (request.Language is not null && language is null)
        {
            errors.Add(LanguageError());
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var changes = new ProfileChanges
        {
            Sms = request.Sms is { } sms ? Patch<bool>.Set(sms) : default,
            Language = language is null ? default : Patch<string>.Set(language),
        };
        var changed = await ChangeAsync(member, changes, idempotencyKey, @operator, cancellationToken);
        return changed.IsSuccess ? new ProfileUpdate<MemberPreferencesView>(MemberPreferencesView.From(changed.Value.Account), changed.Value.Outcome) : changed.Error;
    }

    internal static FieldError LanguageError() =>
        new("language", "enum", $"language must be one of: {string.Join(", ", MemberLanguage.Supported)}.");

    /// <summary>Runs the change as one ledger command and returns the account as it now is.</summary>
    private async Task<Result<(MemberAccount Account, LedgerOutcome Outcome)>> ChangeAsync(MemberKey member, ProfileChanges changes, string idempotencyKey, string @operator, CancellationToken cancellationToken)
    {
        var command = new ChangeProfile(IdempotencyKeys.Request(idempotencyKey), changes, Digest(changes)) { Operator = @operator };
        var outcome = await ledger.ExecuteAsync(member, command, cancellationToken);
        if (!outcome.IsSuccess)
        {
            return outcome.Error;
        }

        return await store.GetAccountAsync(member, cancellationToken) is { } account
            ? (account, outcome.Value)
            : MemberService.MemberNotFound(member);
    }

    /// <summary>A keyed digest of what was asked: the idempotency fingerprint, with no personal value hashed without the key.</summary>
    private string Digest(ProfileChanges changes)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            Field(changes.Name), changes.Phone.IsSet ? new object?[] { changes.PhoneHash } : null, Field(changes.Birthday),
            Field(changes.Language), Field(changes.StoreId), Field(changes.Sms),
        });
        return Convert.ToHexStringLower(HMACSHA256.HashData(lookupKey.Key, Encoding.UTF8.GetBytes("profile\n" + canonical)));
    }

    private static object?[]? Field<T>(Patch<T> patch) => patch.IsSet ? [patch.Value] : null;
}
