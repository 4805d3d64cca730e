namespace Loyalty.Core.Members;

/// <summary>
/// A validated profile change: each field either unset (left as it is) or set, null clearing it. The phone comes with
/// its keyed hash, computed once by the caller, so the ledger command stays pure.
/// </summary>
public sealed record ProfileChanges
{
    public Common.Patch<string?> Name { get; init; }

    public Common.Patch<PhoneNumber?> Phone { get; init; }

    public string? PhoneHash { get; init; }

    public Common.Patch<DateOnly?> Birthday { get; init; }

    public Common.Patch<string> Language { get; init; }

    public Common.Patch<string?> StoreId { get; init; }

    public Common.Patch<bool> Sms { get; init; }

    /// <summary>The account with these changes made, and the names of the fields whose value changed.</summary>
    public (MemberAccount Account, IReadOnlyList<string> Changed) ApplyTo(MemberAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var updated = account with
        {
            Name = Name.Or(account.Name),
            Phone = Phone.IsSet ? Phone.Value?.E164 : account.Phone,
            PhoneHash = Phone.IsSet ? PhoneHash : account.PhoneHash,
            Birthday = Birthday.Or(account.Birthday),
            Language = Language.Or(account.Language),
            StoreId = StoreId.Or(account.StoreId),
            SmsAllowed = Sms.Or(account.SmsAllowed),
        };
        var changed = new List<string>();
        Add(changed, "name", account.Name != updated.Name);
        Add(changed, "phone", account.PhoneHash != updated.PhoneHash);
        Add(changed, "birthday", account.Birthday != updated.Birthday);
        Add(changed, "language", account.Language != updated.Language);
        Add(changed, "storeId", account.StoreId != updated.StoreId);
        Add(changed, "sms", account.SmsAllowed != updated.SmsAllowed);
        return (updated, changed);
    }

    private static void Add(List<string> changed, string field, bool differs)
    {
        if (differs)
        {
            changed.Add(field);
        }
    }
}
