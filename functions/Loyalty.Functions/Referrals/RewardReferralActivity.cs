using Loyalty.Core.Referrals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Loyalty.Functions.Referrals;

/// <summary>Activity: takes the referral's place under the referrer's caps and credits both sides (keys per referral and side, so a retry credits once).</summary>
public sealed class RewardReferralActivity(ReferralDriver driver) : TaskActivity<ReferralInput, ReferralStatus?>
{
    public const string Name = "RewardReferral";

    [Function(Name)]
    public Task<ReferralStatus?> Run([ActivityTrigger] ReferralInput input, CancellationToken cancellationToken) => RewardAsync(input, cancellationToken);

    public override Task<ReferralStatus?> RunAsync(TaskActivityContext context, ReferralInput input) => RewardAsync(input, CancellationToken.None);

    private Task<ReferralStatus?> RewardAsync(ReferralInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return driver.RewardAsync(input.TenantId, input.RefereeId, cancellationToken);
    }
}
