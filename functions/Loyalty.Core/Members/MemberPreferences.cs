namespace Loyalty.Core.Members;

/// <summary><c>PUT /members/{id}/preferences</c>: a field left out keeps its value.</summary>
public sealed record MemberPreferences(bool? Sms, string? Language);

/// <summary>The member's communication preferences as stored.</summary>
public sealed record MemberPreferencesView(string MemberId, bool Sms, string Language)
{
    public static MemberPreferencesView From(MemberAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Key.MemberId, account.SmsAllowed, account.Language);
    }
}
