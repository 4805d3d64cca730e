using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Members;

/// <summary>Keeps a member's profile current: preferences and profile fields, each change one ledger batch with a history entry.</summary>
public sealed class ProfileService(LedgerService ledger, ILedgerStore store, PhoneHashKey lookupKey)
{
    public async Task<Result<MemberPreferencesView>> SetPreferencesAsync(MemberKey member, MemberPreferences request, string idempotencyKey, string @operator, CancellationToken cancellationToken)
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
        return changed.IsSuccess ? MemberPreferencesView.From(changed.Value) : changed.Error;
    }

    internal static FieldError LanguageError() =>
        new("language", "enum", $"language must be one of: {string.Join(", ", MemberLanguage.Supported)}.");

    /// <summary>Runs the change as one ledger command and returns the account as it now is.</summary>
    private async Task<Result<MemberAccount>> ChangeAsync(MemberKey member, ProfileChanges changes, string idempotencyKey, string @operator, CancellationToken cancellationToken)
    {
        var command = new ChangeProfile(IdempotencyKeys.Request(idempotencyKey), changes, Digest(changes)) { Operator = @operator };
        var outcome = await ledger.ExecuteAsync(member, command, cancellationToken);
        if (!outcome.IsSuccess)
        {
            return outcome.Error;
        }

        return await store.GetAccountAsync(member, cancellationToken) is { } account
            ? account
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
