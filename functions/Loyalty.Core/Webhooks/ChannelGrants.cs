using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Webhooks;

/// <summary>Points a webhook channel grants: an earn under the program's expiry, recorded with the channel as operator.</summary>
public sealed class ChannelGrants(LedgerService ledger, ProgramService programs, TimeProvider time)
{
    public async Task<Result<LedgerOutcome>> GrantAsync(MemberKey member, string channel, ChannelGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(grant);
        var program = await programs.GetAsync(member.TenantId, cancellationToken);
        var expiresAt = program.Rules.Expiry.ExpiresAt(time.GetUtcNow(), program.Rules.Zone());
        var command = new EarnPoints(grant.IdempotencyKey, new EarnRequest(grant.Points, expiresAt, grant.Source, grant.Reference, grant.Reason ?? $"Granted by {channel}"))
        {
            Operator = $"webhook:{channel}",
            ProgramVersion = program.Version,
        };
        return await ledger.ExecuteAsync(member, command, cancellationToken);
    }
}

/// <param name="Reference">Shown in the points flow; part of the request, so the same key with another reference is refused, not replayed.</param>
public sealed record ChannelGrant(string IdempotencyKey, long Points, string Source, string? Reference, string? Reason);
