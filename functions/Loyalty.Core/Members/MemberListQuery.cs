namespace Loyalty.Core.Members;

/// <summary>
/// The admin list's filters, all optional and combined with AND. <see cref="Q"/> matches a member id prefix or a name
/// prefix; the name part is matched through <see cref="NameToken"/> (a keyed token of the name's first characters) so
/// the directory never holds names in a searchable clear form.
/// </summary>
public sealed record MemberListQuery(
    string? Tier = null,
    DateTimeOffset? RegisteredFrom = null,
    DateTimeOffset? RegisteredTo = null,
    string? StoreId = null,
    string? Q = null,
    int PageSize = 50,
    string? ContinuationToken = null)
{
    public string? NameToken { get; init; }

    public int NameTokenLength { get; init; }
}

/// <summary>One page of the list; a page may hold fewer than the page size while a continuation token is given.</summary>
public sealed record MemberPage(IReadOnlyList<MemberListItem> Members, string? ContinuationToken);

/// <summary>A member as the list shows it: enough to pick the right person, the phone number masked.</summary>
public sealed record MemberListItem(string MemberId, string? Name, string? PhoneMasked, string Tier, string? StoreId, DateTimeOffset RegisteredAt, MemberStatus Status)
{
    public static MemberListItem From(MemberAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Key.MemberId, account.Name, PhoneNumber.Parse(account.Phone)?.Masked, account.Tier, account.StoreId, account.RegisteredAt, account.Status);
    }
}
