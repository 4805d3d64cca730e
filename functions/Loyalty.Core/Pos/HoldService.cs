using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Pos;

/// <summary>
/// Points as cash at the POS, in two phases: quote → hold (points leave "available" at once, with a timeout) →
/// capture on payment (a spend linked to the order) or release on cancel. A timed-out hold needs no job: the next
/// transaction on the member releases it first, and reads already show it released.
/// </summary>
public sealed class HoldService(ILedgerStore store, LedgerService ledger, ProgramService programs, TimeProvider time)
{
    public async Task<Result<PointsQuote>> QuoteAsync(string tenantId, QuoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        ValidateMember(request.MemberId, errors);
        var lines = BasketValidator.Lines(request.Lines, errors);
        if (!lines.IsSuccess)
        {
            return lines.Error;
        }

        var member = new MemberKey(tenantId, request.MemberId!);
        var state = await store.LoadAsync(member, cancellationToken);
        if (state is null)
        {
            return MemberService.MemberNotFound(member);
        }

        var program = await programs.GetAsync(tenantId, cancellationToken);
        return Quote(state, lines.Value, program.Rules);
    }

    public async Task<Result<HoldView>> HoldAsync(string tenantId, HoldRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        ValidateMember(request.MemberId, errors);
        if (!PurchaseValidator.IsValidOrderId(request.OrderId))
        {
            errors.Add(new FieldError("orderId", "pattern", "orderId is required: 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (!PosBounds.HoldPoints.Contains(request.Points))
        {
            errors.Add(PosBounds.HoldPoints.Violation("points"));
        }

        var lines = BasketValidator.Lines(request.Lines, errors);
        if (!lines.IsSuccess)
        {
            return lines.Error;
        }

        var member = new MemberKey(tenantId, request.MemberId!);
        var holdId = HoldIds.For(member.MemberId, idempotencyKey);
        var program = await programs.GetAsync(tenantId, cancellationToken);
        var cash = program.Rules.Cash;
        var points = request.Points!.Value;

        // A retry of a hold already made must replay it, not be re-checked against a balance the hold itself lowered.
        if (await store.FindHoldAsync(member, holdId, cancellationToken) is null)
        {
            var state = await store.LoadAsync(member, cancellationToken);
            if (state is null)
            {
                return MemberService.MemberNotFound(member);
            }

            var checkedPoints = CheckPoints(Quote(state, lines.Value, program.Rules), points, state.Account.Frozen);
            if (checkedPoints is not null)
            {
                return checkedPoints;
            }
        }

        var now = time.GetUtcNow();
        var cashValue = PointsCashCalculator.CashFen(points, cash.PointsPerYuan) / 100m;
        var command = new HoldPoints($"hold:{holdId}", holdId, request.OrderId!, points, cashValue, now.AddMinutes(cash.HoldTimeoutMinutes)) { ProgramVersion = program.Version };
        var outcome = await ledger.ExecuteAsync(member, command, cancellationToken);
        if (!outcome.IsSuccess)
        {
            return outcome.Error;
        }

        var hold = await store.FindHoldAsync(member, holdId, cancellationToken)
            ?? throw new InvalidOperationException($"Hold {holdId} is missing after it was written.");
        return HoldView.From(member.MemberId, hold, time.GetUtcNow(), outcome.Value);
    }

    /// <summary>Capturing twice returns the first result; capturing a released or timed-out hold is a 409 <c>hold-released</c>.</summary>
    public Task<Result<HoldView>> CaptureAsync(string tenantId, string holdId, CancellationToken cancellationToken) =>
        CloseAsync(tenantId, holdId, capture: true, cancellationToken);

    /// <summary>Releasing a released hold changes nothing; releasing a captured one is a 409 <c>hold-captured</c>.</summary>
    public Task<Result<HoldView>> ReleaseAsync(string tenantId, string holdId, CancellationToken cancellationToken) =>
        CloseAsync(tenantId, holdId, capture: false, cancellationToken);

    public async Task<Result<HoldView>> GetAsync(string tenantId, string holdId, CancellationToken cancellationToken)
    {
        var member = HoldIds.Member(tenantId, holdId);
        var hold = member is null ? null : await store.FindHoldAsync(member, holdId, cancellationToken);
        return hold is null ? HoldNotFound(holdId) : HoldView.From(member!.MemberId, hold, time.GetUtcNow());
    }

    private async Task<Result<HoldView>> CloseAsync(string tenantId, string holdId, bool capture, CancellationToken cancellationToken)
    {
        var member = HoldIds.Member(tenantId, holdId);
        var stored = member is null ? null : await store.FindHoldAsync(member, holdId, cancellationToken);
        if (stored is null)
        {
            return HoldNotFound(holdId);
        }

        // Only active holds are loaded with the member: a closed one is answered from its row.
        switch (stored.Status, capture)
        {
            case (HoldStatus.Released, true):
                return Error.Conflict("hold-released", $"Hold '{holdId}' was released ({stored.ClosedReason}); its points are available again.");
            case (HoldStatus.Released, false):
                return HoldView.From(member!.MemberId, stored, time.GetUtcNow());
            case (HoldStatus.Captured, false):
                return Error.Conflict("hold-captured", $"Hold '{holdId}' was captured; refund the order instead.");
        }

        LedgerCommand command = capture ? new CaptureHold($"hold:{holdId}:capture", holdId) : new ReleaseHold($"hold:{holdId}:release", holdId);
        var outcome = await ledger.ExecuteAsync(member!, command, cancellationToken);
        if (!outcome.IsSuccess)
        {
            return outcome.Error;
        }

        var hold = await store.FindHoldAsync(member!, holdId, cancellationToken)
            ?? throw new InvalidOperationException($"Hold {holdId} vanished.");
        return HoldView.From(member!.MemberId, hold, time.GetUtcNow(), outcome.Value);
    }

    private PointsQuote Quote(MemberLedgerState state, IReadOnlyList<PurchaseLine> lines, ProgramRules rules)
    {
        var now = time.GetUtcNow();
        var summary = MemberSummary.From(state, now);
        return PointsCashCalculator.Quote(summary.MemberId, summary.Tier, summary.Available, lines, rules, now);
    }

    private static Error? CheckPoints(PointsQuote quote, long points, bool frozen)
    {
        if (frozen)
        {
            return LedgerErrors.AccountFrozen();
        }

        if (quote.Limit == "points-as-cash-disabled")
        {
            return Error.Rule("points-as-cash-disabled", "This program does not let points pay at the POS.");
        }

        if (points < quote.MinPoints)
        {
            return Error.Validation("points", "min-points", $"At least {quote.MinPoints} points must be used.");
        }

        if (!PointsCashCalculator.IsWholeFen(points, quote.PointsPerYuan))
        {
            return Error.Validation("points", "whole-fen", $"{points} points is not a whole number of fen at {quote.PointsPerYuan} points per yuan; use {PointsCashCalculator.PointsForFen(PointsCashCalculator.CashFen(points, quote.PointsPerYuan), quote.PointsPerYuan)}.");
        }

        if (points > quote.MaxPoints)
        {
            return quote.Limit is "available-points" or "no-available-points"
                ? LedgerErrors.InsufficientPoints(quote.Available, points)
                : Error.Rule("exceeds-order-cap", $"At most {quote.MaxPoints} points can pay for this basket ({quote.Limit}).");
        }

        return null;
    }

    private static void ValidateMember(string? memberId, List<FieldError> errors)
    {
        if (!MemberKey.IsValidMemberId(memberId))
        {
            errors.Add(ResourceId.Violation("memberId"));
        }
    }

    private static Error HoldNotFound(string holdId) => Error.NotFound("hold-not-found", $"Hold '{holdId}' does not exist.");
}
