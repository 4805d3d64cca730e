using Loyalty.Core.Referrals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Referrals;

/// <summary>Activity: reads the referral (and its qualifying order) and says what the driver does next; expires or cancels it when due.</summary>
public sealed class ReviewReferralActivity(ReferralDriver driver) : TaskActivity<ReferralInput, ReferralStep>
{
    public const string Name = "ReviewReferral";

    [Function(Name)]
    public Task<ReferralStep> Run([ActivityTrigger] ReferralInput input, CancellationToken cancellationToken) => ReviewAsync(input, cancellationToken);

    public override Task<ReferralStep> RunAsync(TaskActivityContext context, ReferralInput input) => ReviewAsync(input, CancellationToken.None);

    private Task<ReferralStep> ReviewAsync(ReferralInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return driver.ReviewAsync(input.TenantId, input.RefereeId, cancellationToken);
    }
}
