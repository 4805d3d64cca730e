using Loyalty.Core.Members;

namespace Loyalty.Core.Referrals;

/// <summary>Gives every member one referral code (on registration, or on first read for members from before referrals) and finds members by code.</summary>
public sealed class ReferralCodes(IReferralCodeStore store, PhoneHashKey secret)
{
    private readonly byte[] _key = ReferralCode.DeriveKey(secret);

    /// <summary>The member's code, assigned now if they have none. Safe to repeat and to race: a member ends with one code.</summary>
    public async Task<string> EnsureAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (await store.GetCodeAsync(member, cancellationToken) is { } existing)
        {
            return existing;
        }

        for (var attempt = 0; attempt < ReferralCode.MaxAttempts; attempt++)
        {
            var candidate = ReferralCode.Candidate(_key, member, attempt);
            switch (await store.TryAssignAsync(member, candidate, cancellationToken))
            {
                case CodeAssignment.Assigned:
                    return candidate;
                case CodeAssignment.MemberHasCode:
                    return await store.GetCodeAsync(member, cancellationToken)
                        ?? throw new InvalidOperationException($"Member {member} has a code row that vanished.");
            }
        }

        throw new InvalidOperationException($"No free referral code for {member} after {ReferralCode.MaxAttempts} candidates.");
    }

    public Task<string?> GetAsync(MemberKey member, CancellationToken cancellationToken) => store.GetCodeAsync(member, cancellationToken);

    /// <summary>The member a typed code belongs to, or null (unknown code, or not a code at all).</summary>
    public async Task<string?> FindMemberAsync(string tenantId, string? typed, CancellationToken cancellationToken) =>
        ReferralCode.Normalize(typed) is { } code ? await store.FindMemberAsync(tenantId, code, cancellationToken) : null;
}
