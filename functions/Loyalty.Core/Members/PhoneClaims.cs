using Loyalty.Core.Ledger;

namespace Loyalty.Core.Members;

/// <summary>
/// One phone number, one member per tenant. A number is claimed (its hash row added) before any account names it and
/// released after the account no longer does, so a crash in between leaves at worst a claim no account backs. Such a
/// claim is taken over by the next member who asks for the number once it is older than <see cref="Lease"/> (a change
/// still in flight is younger), and lookups ignore it because they check the account row.
/// </summary>
public sealed class PhoneClaims(IMemberDirectory directory, ILedgerStore ledger, TimeProvider time)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>True when <paramref name="member"/> now holds the number; false when another member does.</summary>
    public async Task<bool> ClaimAsync(MemberKey member, string phoneHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var now = time.GetUtcNow();
        if (await directory.TryAddPhoneClaimAsync(member.TenantId, phoneHash, member.MemberId, now, cancellationToken))
        {
            return true;
        }

        var claim = await directory.GetPhoneClaimAsync(member.TenantId, phoneHash, cancellationToken);
        if (claim is null)
        {
            // Released between the two calls: the number is free again.
            return await directory.TryAddPhoneClaimAsync(member.TenantId, phoneHash, member.MemberId, now, cancellationToken);
        }

        if (claim.MemberId == member.MemberId)
        {
            // Renewed, so a release by an older request of the same member leaves this claim alone.
            return await directory.TryReplacePhoneClaimAsync(member.TenantId, claim, member.MemberId, now, cancellationToken);
        }

        // Losing the take-over race to another member means that member holds it now.
        return !await IsLiveAsync(member.TenantId, claim, cancellationToken)
            && await directory.TryReplacePhoneClaimAsync(member.TenantId, claim, member.MemberId, now, cancellationToken);
    }

    /// <summary>Frees a number the member's account no longer holds, unless the member claimed it again after <paramref name="since"/>.</summary>
    public Task ReleaseAsync(MemberKey member, string phoneHash, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return directory.ReleasePhoneAsync(member.TenantId, phoneHash, member.MemberId, since, cancellationToken);
    }

    /// <summary>The open account that holds the number, or null (no claim, or a claim no account backs).</summary>
    public async Task<MemberAccount?> FindAsync(string tenantId, string phoneHash, CancellationToken cancellationToken)
    {
        var claim = await directory.GetPhoneClaimAsync(tenantId, phoneHash, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var account = await ledger.GetAccountAsync(new MemberKey(tenantId, claim.MemberId), cancellationToken);
        return account is { IsOpen: true } && account.PhoneHash == phoneHash ? account : null;
    }

    private async Task<bool> IsLiveAsync(string tenantId, PhoneClaim claim, CancellationToken cancellationToken) =>
        time.GetUtcNow() - claim.ClaimedAt < Lease || await FindAsync(tenantId, claim.PhoneHash, cancellationToken) is not null;
}
