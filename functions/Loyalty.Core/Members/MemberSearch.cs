using Loyalty.Core.Common;

namespace Loyalty.Core.Members;

/// <summary>Finds members: by phone (exact, through the keyed hash) for the till, and the filtered admin list from the directory.</summary>
public sealed class MemberSearch(IMemberDirectory directory, PhoneClaims phones, PhoneHashKey lookupKey)
{
    /// <summary>The member registered with <paramref name="phone"/> (any accepted format), as a page of at most one.</summary>
    public async Task<Result<MemberPage>> ByPhoneAsync(string tenantId, string phone, CancellationToken cancellationToken)
    {
        var number = PhoneNumber.Parse(phone);
        if (number is null)
        {
            return Error.BadRequest("invalid-query", PhoneNumber.FormatRule, "phone");
        }

        var account = await phones.FindAsync(tenantId, number.Hash(lookupKey.Key), cancellationToken);
        return new MemberPage(account is null ? [] : [MemberListItem.From(account)], null);
    }

    public async Task<Result<MemberPage>> ListAsync(string tenantId, MemberListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Q is { } q)
        {
            var (token, length) = NamePrefix.ForQuery(lookupKey.Key, q);
            query = query with { NameToken = token, NameTokenLength = length };
        }

        try
        {
            return await directory.ListAsync(tenantId, query, cancellationToken);
        }
        catch (InvalidContinuationTokenException)
        {
            return Error.BadRequest("invalid-continuation-token", "continuationToken was not issued by this API for this query.", "continuationToken");
        }
    }
}
