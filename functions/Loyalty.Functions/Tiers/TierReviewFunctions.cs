using Loyalty.Core.Programs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Tiers;

public sealed class TierReviewFunctions(TierReviewService reviews, ILogger<TierReviewFunctions> logger)
{
    /// <summary>Daily at 00:30 UTC: tiers whose review date passed are re-evaluated. Each review is keyed by its date, so a double fire changes nothing twice.</summary>
    [Function("ReviewTiers")]
    public async Task Run([TimerTrigger("0 30 0 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var reviewed = await reviews.ReviewDueAsync(cancellationToken);
        logger.LogInformation("Tier review: {Reviewed} member(s) re-evaluated", reviewed);
    }
}
