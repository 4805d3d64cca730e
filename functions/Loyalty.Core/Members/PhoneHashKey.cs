namespace Loyalty.Core.Members;

/// <summary>The secret that keys phone-number hashes (from configuration), so a leaked directory cannot be reversed by enumerating numbers.</summary>
public sealed record PhoneHashKey(byte[] Key);
