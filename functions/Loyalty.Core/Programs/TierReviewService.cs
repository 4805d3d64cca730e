using Loyalty.Core.Ledger;
using Loyalty.Core.Tenants;

namespace Loyalty.Core.Programs;

/// <summary>The daily tier review: members whose review date passed are re-evaluated, so a downgrade shows in their history on time.</summary>
public sealed class TierReviewService(ITierReviewSchedule schedule, ITenantStore tenants, LedgerService ledger, ProgramService programs, TimeProvider time)
{
    public const int BatchSize = 200;

    public async Task<int> ReviewDueAsync(CancellationToken cancellationToken)
    {
        var reviewed = 0;
        var now = time.GetUtcNow();
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            var program = await programs.GetAsync(tenant.TenantId, cancellationToken);
            foreach (var due in await schedule.DueAsync(tenant.TenantId, now, BatchSize, cancellationToken))
            {
                var result = await ledger.ExecuteAsync(due.Member, new ReviewTier(due.ReviewAt, program.Rules) { ProgramVersion = program.Version }, cancellationToken);
                if (result.IsSuccess || Members.MemberService.IsClosedOrMissing(result.Error))
                {
                    await schedule.CompleteAsync(due, cancellationToken);
                    reviewed++;
                }
            }
        }

        return reviewed;
    }
}
