namespace Loyalty.Core.Members;

/// <summary>How a member may be reached: the phone number (E.164, decrypted; never log it in full), their language, whether they accept SMS, and the name to greet them by.</summary>
public sealed record MemberContact(string? PhoneE164, string Language, bool SmsAllowed, string? Name = null)
{
    /// <summary>Null for an erased or merged account (nobody to reach); SMS is allowed only to a member with a phone who has not opted out.</summary>
    public static MemberContact? Of(MemberAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.IsOpen ? new(account.Phone, account.Language, account.SmsAllowed && account.Phone is not null, account.Name) : null;
    }
}
