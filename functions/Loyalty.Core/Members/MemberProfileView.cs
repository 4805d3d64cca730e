namespace Loyalty.Core.Members;

/// <summary>The profile as stored, the phone number masked.</summary>
public sealed record MemberProfileView(string MemberId, string? Name, string? PhoneMasked, DateOnly? Birthday, string Language, bool Sms, string? StoreId)
{
    public static MemberProfileView From(MemberAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Key.MemberId, account.Name, PhoneNumber.Parse(account.Phone)?.Masked, account.Birthday, account.Language, account.SmsAllowed, account.StoreId);
    }
}
