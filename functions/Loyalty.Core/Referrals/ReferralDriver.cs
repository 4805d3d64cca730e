using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Referrals;

/// <summary>
/// Moves a referral from waiting to its outcome, reading the row each time (never trusting what an orchestration
/// remembers): a qualifying purchase recorded by the purchase path, then the order's return window, then the caps,
/// then both sides' ledger credits keyed per referral and side. Every step is safe to repeat.
/// </summary>
public sealed class ReferralDriver(IReferralStore store, IPurchaseStore purchases, ILedgerStore ledgerStore, LedgerService ledger, ProgramService programs, TimeProvider time, ReferralSettings? settings = null, LedgerRetryPolicy? retryPolicy = null)
{
    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    private readonly TimeSpan _recheck = (settings ?? ReferralSettings.Default).RecheckInterval;

    private const string Busy = "The referral is being changed by other requests.";

    /// <summary>
    /// Called once an order's credit committed: when it is the referee's first qualifying purchase, the referral row
    /// records it (so the driver finds it even if no orchestration is running). Returns the referral when it has a
    /// qualifying order (now or earlier), so the caller wakes the driver; null when this order changes nothing.
    /// </summary>
    public async Task<Referral?> RecordPurchaseAsync(PurchaseRecord order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status != PurchaseStatus.Credited)
        {
            return null;
        }

        var result = await _retry.RunAsync<Referral?>(
            async () =>
            {
                var referral = await store.GetAsync(order.TenantId, order.Purchase.MemberId, cancellationToken);
                if (referral is null || referral.Status != ReferralStatus.Waiting)
                {
                    return (Referral?)null;
                }

                if (referral.QualifyingOrderId is not null)
                {
                    return referral;
                }

                var rules = (await programs.GetAsync(order.TenantId, cancellationToken)).Rules.Referrals;
                var now = time.GetUtcNow();
                if (!rules.Qualifies(order.Purchase.CashPaid, order.Purchase.StoreId) || now >= referral.Deadline)
                {
                    return (Referral?)null;
                }

                var qualified = referral with { QualifyingOrderId = order.Purchase.OrderId, QualifiedAt = now };
                return await store.TryUpdateAsync(referral, qualified, null, cancellationToken) ? qualified : Attempt.Again;
            },
            Busy,
            cancellationToken);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Message);
    }

    /// <summary>Decides the next step from the row: expires a referral past its deadline, cancels one whose order was refunded.</summary>
    public async Task<ReferralStep> ReviewAsync(string tenantId, string refereeId, CancellationToken cancellationToken)
    {
        var result = await _retry.RunAsync<ReferralStep>(() => ReviewOnceAsync(tenantId, refereeId, cancellationToken), Busy, cancellationToken);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Message);
    }

    private async Task<Attempt<ReferralStep>> ReviewOnceAsync(string tenantId, string refereeId, CancellationToken cancellationToken)
    {
        var referral = await store.GetAsync(tenantId, refereeId, cancellationToken);
        if (referral is null || !referral.IsOpen)
        {
            return ReferralStep.Done(referral?.Status);
        }

        if (referral.Status == ReferralStatus.Rewarded)
        {
            return ReferralStep.Reward;
        }

        var now = time.GetUtcNow();
        if (referral.QualifyingOrderId is null)
        {
            var remaining = referral.Deadline - now;
            if (remaining > TimeSpan.Zero)
            {
                return ReferralStep.WaitForPurchase(Min(remaining, _recheck));
            }

            var expired = referral with { Status = ReferralStatus.Expired, ClosedAt = now };
            return await store.TryUpdateAsync(referral, expired, null, cancellationToken) ? ReferralStep.Done(ReferralStatus.Expired) : Attempt.Again;
        }

        var order = await purchases.GetAsync(tenantId, referral.QualifyingOrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Referral of {refereeId} names order {referral.QualifyingOrderId}, which does not exist.");
        if (order.Status == PurchaseStatus.Cancelled || order.Refunds.Count > 0)
        {
            return await CloseAsync(referral, ReferralReasons.OrderRefunded, now, cancellationToken);
        }

        if (order.AvailableAt is not { } availableAt)
        {
            // Not complete yet (presale, delivery): its return window has not even started.
            return ReferralStep.WaitForOrder(_recheck);
        }

        return availableAt > now ? ReferralStep.WaitForOrder(Min(availableAt - now, _recheck)) : ReferralStep.Reward;
    }

    /// <summary>
    /// Rewards a referral whose order is final: claims a place under the referrer's caps (the tally and the row change in
    /// one batch, so two referees can never both take the last place), then credits both sides and marks it done.
    /// </summary>
    public async Task<ReferralStatus?> RewardAsync(string tenantId, string refereeId, CancellationToken cancellationToken)
    {
        var result = await _retry.RunAsync<ReferralStatus?>(() => RewardOnceAsync(tenantId, refereeId, cancellationToken), Busy, cancellationToken);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Message);
    }

    private async Task<Attempt<ReferralStatus?>> RewardOnceAsync(string tenantId, string refereeId, CancellationToken cancellationToken)
    {
        var referral = await store.GetAsync(tenantId, refereeId, cancellationToken);
        if (referral is null || !referral.IsOpen || (referral.Status == ReferralStatus.Waiting && referral.QualifyingOrderId is null))
        {
            return referral?.Status;
        }

        var program = await programs.GetAsync(tenantId, cancellationToken);
        var now = time.GetUtcNow();
        if (referral.Status == ReferralStatus.Waiting)
        {
            var claimed = await ClaimAsync(referral, program.Rules, now, cancellationToken);
            return claimed.Again ? Attempt.Again : claimed.Result.Value == ReferralStatus.Rejected ? ReferralStatus.Rejected : Attempt.Again;
        }

        var referrerPoints = await CreditAsync(program, referral, ReferralSide.Referrer, referral.ReferrerPoints, cancellationToken);
        var refereePoints = await CreditAsync(program, referral, ReferralSide.Referee, referral.RefereePoints, cancellationToken);
        var done = referral with { Credited = true, ClosedAt = now, ReferrerPoints = referrerPoints, RefereePoints = refereePoints };
        return await store.TryUpdateAsync(referral, done, null, cancellationToken) ? ReferralStatus.Rewarded : Attempt.Again;
    }

    /// <summary>Rewarded (its place under the caps taken; credits follow) or rejected by a cap or a closed referrer.</summary>
    private async Task<Attempt<ReferralStatus?>> ClaimAsync(Referral referral, ProgramRules program, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rules = program.Referrals;
        var referrer = await ledgerStore.GetAccountAsync(new MemberKey(referral.TenantId, referral.ReferrerId), cancellationToken);
        if (referrer is null || !referrer.IsOpen)
        {
            return (await CloseAsync(referral, ReferralReasons.ReferrerClosed, now, cancellationToken)).Again ? Attempt.Again : ReferralStatus.Rejected;
        }

        var tally = await store.GetTallyAsync(referral.TenantId, referral.ReferrerId, cancellationToken);
        var month = TenantClock.LocalDate(now, program.Zone()).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var cap = rules.MaxRewardsLifetime > 0 && tally.Lifetime >= rules.MaxRewardsLifetime ? ReferralReasons.LifetimeCap
            : rules.MaxRewardsPerMonth > 0 && tally.CountIn(month) >= rules.MaxRewardsPerMonth ? ReferralReasons.MonthlyCap
            : null;
        if (cap is not null)
        {
            return (await CloseAsync(referral, cap, now, cancellationToken)).Again ? Attempt.Again : ReferralStatus.Rejected;
        }

        var rewarded = referral with
        {
            Status = ReferralStatus.Rewarded,
            RewardedAt = now,
            ReferrerPoints = rules.ReferrerPoints,
            RefereePoints = referral.RefereePaidAtSignUp ? referral.RefereeSignUpPoints : rules.RefereePoints,
        };
        return await store.TryUpdateAsync(referral, rewarded, tally.Add(month, rules.ReferrerPoints), cancellationToken) ? ReferralStatus.Rewarded : Attempt.Again;
    }

    private async Task<Attempt<ReferralStep>> CloseAsync(Referral referral, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rejected = referral with { Status = ReferralStatus.Rejected, Reason = reason, ClosedAt = now };
        return await store.TryUpdateAsync(referral, rejected, null, cancellationToken) ? ReferralStep.Done(ReferralStatus.Rejected) : Attempt.Again;
    }

    /// <summary>The points the side got: a closed account (erased, merged) gets none; anything else unexpected is a fault the activity retries.</summary>
    private async Task<long> CreditAsync(LoyaltyProgram program, Referral referral, ReferralSide side, long points, CancellationToken cancellationToken)
    {
        if (points <= 0)
        {
            return 0;
        }

        var member = new MemberKey(referral.TenantId, side == ReferralSide.Referrer ? referral.ReferrerId : referral.RefereeId);
        var command = new CreditReferralReward(CreditReferralReward.KeyFor(referral.RefereeId, side), program.Rules, points, referral.RefereeId, side) { ProgramVersion = program.Version };
        var credited = await ledger.ExecuteAsync(member, command, cancellationToken);
        if (credited.IsSuccess)
        {
            return points;
        }

        return MemberService.IsClosedOrMissing(credited.Error) ? 0 : throw new InvalidOperationException($"Referral reward for {member}: {credited.Error.Message}");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
