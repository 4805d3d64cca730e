namespace Loyalty.Core.Members;

/// <summary>How a member may be reached: the phone number (E.164, decrypted; never log it in full), their language, and whether they accept SMS.</summary>
public sealed record MemberContact(string? PhoneE164, string Language, bool SmsAllowed);
