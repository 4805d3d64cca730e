using System.Security.Cryptography;
using Loyalty.Core.Common;
using Loyalty.Core.Donations;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Sagas;

namespace Loyalty.Core.Lottery;

/// <summary>
/// Lottery draws. The outcome is drawn with a CSPRNG and recorded together with the prize's stock decrement
/// (ETag-guarded, so stock never goes below zero); only then is the member charged, idempotently. A refused charge
/// voids the draw and returns the prize to stock. A retry with the same Idempotency-Key replays the recorded draw;
/// the tidy-up finishes draws left reserved (found through <see cref="IPendingSagas"/>) the same way.
/// </summary>
public sealed class LotteryService(ILotteryStore lotteries, ILedgerStore ledgerStore, LedgerService ledger, IPendingSagas pending, TimeProvider time, LedgerRetryPolicy? retryPolicy = null)
{
    public const string DrawNotFound = "draw-not-found";
    public const int MaxPrizes = LotteryBounds.MaxPrizes;
    public const long MaxWeight = LotteryBounds.MaxWeight;
    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    public async Task<Result<LotteryView>> SaveAsync(string tenantId, string lotteryId, LotteryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(lotteryId, request);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        return await _retry.RunAsync<LotteryView>(
            async () =>
            {
                var existing = await lotteries.GetAsync(tenantId, lotteryId, cancellationToken);
                var lottery = new Lottery
                {
                    TenantId = tenantId,
                    LotteryId = lotteryId,
                    Name = request.Name!.Trim(),
                    CostPoints = request.CostPoints!.Value,
                    Prizes = [.. request.Prizes!.Select(p => new LotteryPrize(p!.PrizeId!, p.Name!.Trim(), p.Weight!.Value, p.Stock!.Value)
                    {
                        Awarded = existing?.Prizes.FirstOrDefault(e => e.PrizeId == p.PrizeId)?.Awarded ?? 0,
                    })],
                    NoPrizeWeight = request.NoPrizeWeight ?? 0,
                    Active = request.Active ?? true,
                    Version = (existing?.Version ?? 0) + 1,
                    UpdatedAt = time.GetUtcNow(),
                    ETag = existing?.ETag,
                };
                return await lotteries.TrySaveAsync(lottery, cancellationToken) ? LotteryView.From(lottery) : Attempt.Again;
            },
            "The lottery is being changed by other requests; retry.",
            cancellationToken);
    }

    public async Task<Result<LotteryView>> GetAsync(string tenantId, string lotteryId, CancellationToken cancellationToken) =>
        (DonationService.IsValidProjectId(lotteryId) ? await lotteries.GetAsync(tenantId, lotteryId, cancellationToken) : null) is { } lottery
            ? LotteryView.From(lottery)
            : LotteryNotFound(lotteryId);

    public async Task<Result<DrawView>> DrawAsync(string tenantId, string lotteryId, DrawRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MemberKey.IsValidMemberId(request.MemberId))
        {
            return Error.Validation([ResourceId.Violation("memberId")]);
        }

        if (!DonationService.IsValidProjectId(lotteryId))
        {
            return LotteryNotFound(lotteryId);
        }

        var member = new MemberKey(tenantId, request.MemberId!);
        var drawId = DerivedId.From("draw", idempotencyKey);
        var draw = await lotteries.GetDrawAsync(tenantId, lotteryId, drawId, cancellationToken);
        if (draw is null)
        {
            var reserved = await ReserveAsync(member, lotteryId, drawId, cancellationToken);
            if (!reserved.IsSuccess)
            {
                return reserved.Error;
            }

            draw = reserved.Value;
        }

        return draw.MemberId == member.MemberId
            ? await FinishAsync(member, draw, cancellationToken)
            : Error.Conflict("idempotency-key-reused", $"Idempotency key '{idempotencyKey}' was already used for another member's draw.");
    }

    /// <summary>Charges a recorded draw, or voids it and returns its prize to stock if the charge is refused. Safe to run any number of times.</summary>
    public async Task<Result<DrawView>> ResumeDrawAsync(string tenantId, string lotteryId, string drawId, CancellationToken cancellationToken) =>
        await lotteries.GetDrawAsync(tenantId, lotteryId, drawId, cancellationToken) is { } draw
            ? await FinishAsync(new MemberKey(tenantId, draw.MemberId), draw, cancellationToken)
            : Error.NotFound(DrawNotFound, $"Draw '{drawId}' of lottery '{lotteryId}' does not exist.");

    private async Task<Result<DrawView>> FinishAsync(MemberKey member, LotteryDraw draw, CancellationToken cancellationToken)
    {
        if (draw.Status == DrawStatus.Void)
        {
            await RemovePendingAsync(member.TenantId, draw, cancellationToken);
            return Error.Rule("draw-refused", "This draw was refused (the charge failed); nothing was charged and the prize went back to stock.");
        }

        var charged = await ledger.ExecuteAsync(member, new ChargeDraw($"lottery:{draw.DrawId}", draw), cancellationToken);
        if (!charged.IsSuccess)
        {
            // A conflict may succeed on a retry with the same key; anything else refuses the draw for good.
            if (charged.Error.Kind == ErrorKind.Conflict)
            {
                return charged.Error;
            }

            if (await VoidAsync(member.TenantId, draw, cancellationToken))
            {
                await RemovePendingAsync(member.TenantId, draw, cancellationToken);
            }

            return charged.Error;
        }

        var done = draw with { Status = DrawStatus.Charged, EntryId = charged.Value.Entry!.EntryId };
        if (draw.Status == DrawStatus.Charged || await lotteries.TryUpdateDrawAsync(member.TenantId, done, cancellationToken))
        {
            await RemovePendingAsync(member.TenantId, draw, cancellationToken);
        }

        return DrawView.From(done);
    }

    private Task RemovePendingAsync(string tenantId, LotteryDraw draw, CancellationToken cancellationToken) =>
        pending.RemoveAsync(tenantId, SagaKind.Draw, PendingSaga.DrawId(draw.LotteryId, draw.DrawId), cancellationToken);

    private async Task<Result<LotteryDraw>> ReserveAsync(MemberKey member, string lotteryId, string drawId, CancellationToken cancellationToken)
    {
        var lottery = await lotteries.GetAsync(member.TenantId, lotteryId, cancellationToken);
        if (lottery is null)
        {
            return LotteryNotFound(lotteryId);
        }

        // Checked up front so an obviously refused draw does not take a prize out of stock, even briefly.
        var state = await ledgerStore.LoadAsync(member, cancellationToken);
        if (state is null)
        {
            return MemberService.MemberNotFound(member);
        }

        var summary = MemberSummary.From(state, time.GetUtcNow());
        if (summary.Frozen)
        {
            return LedgerErrors.AccountFrozen("it cannot take part in draws");
        }

        if (summary.Available < lottery.CostPoints)
        {
            return LedgerErrors.InsufficientPoints(summary.Available, lottery.CostPoints, "a draw costs");
        }

        // Indexed before the stock is taken: a crash after the reservation leaves the draw for the tidy-up to finish.
        await pending.AddAsync(PendingSaga.Draw(member.TenantId, lotteryId, drawId, time.GetUtcNow()), cancellationToken);
        var current = lottery;
        return await _retry.RunAsync<LotteryDraw>(
            async () =>
            {
                current ??= await lotteries.GetAsync(member.TenantId, lotteryId, cancellationToken);
                if (current is null)
                {
                    return LotteryNotFound(lotteryId);
                }

                if (!current.Active)
                {
                    return Error.Rule("lottery-closed", $"Lottery '{lotteryId}' is not open for draws.");
                }

                var odds = OddsTable.For(current);
                var number = RandomNumberGenerator.GetInt32(0, checked((int)odds.Total));
                var outcome = odds.Pick(number);
                var prize = current.Prizes.FirstOrDefault(p => p.PrizeId == outcome);
                var draw = new LotteryDraw
                {
                    DrawId = drawId,
                    LotteryId = lotteryId,
                    MemberId = member.MemberId,
                    Number = number,
                    Odds = odds.Format(),
                    OddsVersion = current.Version,
                    Outcome = outcome,
                    PrizeName = prize?.Name,
                    CostPoints = current.CostPoints,
                    DrawnAt = time.GetUtcNow(),
                };
                if (await lotteries.TryReserveAsync(WithStock(current, outcome, -1), draw, cancellationToken) is ReserveResult.Reserved or ReserveResult.DrawExists)
                {
                    return await lotteries.GetDrawAsync(member.TenantId, lotteryId, drawId, cancellationToken) is { } stored
                        ? stored
                        : throw new InvalidOperationException($"Draw {drawId} vanished after it was written.");
                }

                // The lottery changed (another draw took stock): draw again against what it is now.
                current = null;
                return Attempt.Again;
            },
            "The lottery is busy; retry with the same Idempotency-Key.",
            cancellationToken);
    }

    /// <summary>False when the lottery stayed too busy to return the stock; the draw is still reserved and a later run retries.</summary>
    private async Task<bool> VoidAsync(string tenantId, LotteryDraw draw, CancellationToken cancellationToken)
    {
        var voided = await _retry.RunAsync<bool>(
            async () =>
            {
                var current = await lotteries.GetDrawAsync(tenantId, draw.LotteryId, draw.DrawId, cancellationToken);
                var lottery = await lotteries.GetAsync(tenantId, draw.LotteryId, cancellationToken);
                if (current is not { Status: DrawStatus.Reserved } || lottery is null)
                {
                    return true;
                }

                return await lotteries.TryUpdateAsync(WithStock(lottery, current.Outcome, +1), current with { Status = DrawStatus.Void }, cancellationToken) ? true : Attempt.Again;
            },
            $"Lottery '{draw.LotteryId}' stayed too busy to return the stock of draw '{draw.DrawId}'.",
            cancellationToken);
        return voided.IsSuccess;
    }

    private static Lottery WithStock(Lottery lottery, string outcome, int change) => lottery with
    {
        Prizes = [.. lottery.Prizes.Select(p => p.PrizeId == outcome ? p with { Stock = p.Stock + change, Awarded = p.Awarded - change } : p)],
    };

    private static List<FieldError> Validate(string lotteryId, LotteryRequest request)
    {
        var errors = new List<FieldError>();
        void Fail(string field, string rule, string message) => errors.Add(new FieldError(field, rule, message));
        if (!DonationService.IsValidProjectId(lotteryId))
        {
            Fail("lotteryId", "pattern", "lotteryId must be 1-64 letters, digits, '_', '.' or '-'.");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || !TextBounds.Name.Contains(request.Name))
        {
            Fail("name", "length", "name must be 1-100 characters.");
        }

        if (!LotteryBounds.CostPoints.Contains(request.CostPoints))
        {
            errors.Add(LotteryBounds.CostPoints.Violation("costPoints"));
        }

        if (request.NoPrizeWeight is { } noPrize && !LotteryBounds.NoPrizeWeight.Contains(noPrize))
        {
            errors.Add(LotteryBounds.NoPrizeWeight.Violation("noPrizeWeight"));
        }

        var prizes = request.Prizes ?? [];
        if (!LotteryBounds.Prizes.Contains(prizes.Count))
        {
            errors.Add(LotteryBounds.Prizes.CountViolation("prizes"));
        }

        for (var i = 0; i < Math.Min(prizes.Count, MaxPrizes); i++)
        {
            var prize = prizes[i];
            if (prize is null || !DonationService.IsValidProjectId(prize.PrizeId) || prize.PrizeId == OddsTable.NoPrize)
            {
                Fail($"prizes[{i}].prizeId", "pattern", $"prizeId must be 1-64 letters, digits, '_', '.' or '-', and not '{OddsTable.NoPrize}'.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(prize.Name) || !TextBounds.Name.Contains(prize.Name))
            {
                Fail($"prizes[{i}].name", "length", "name must be 1-100 characters.");
            }

            if (!LotteryBounds.PrizeWeight.Contains(prize.Weight))
            {
                errors.Add(LotteryBounds.PrizeWeight.Violation($"prizes[{i}].weight"));
            }

            if (!LotteryBounds.PrizeStock.Contains(prize.Stock))
            {
                errors.Add(LotteryBounds.PrizeStock.Violation($"prizes[{i}].stock"));
            }
        }

        if (prizes.Where(p => p?.PrizeId is not null).GroupBy(p => p!.PrizeId).Any(g => g.Count() > 1))
        {
            Fail("prizes", "unique", "prize ids must be unique.");
        }

        return errors;
    }

    private static Error LotteryNotFound(string lotteryId) => Error.NotFound("lottery-not-found", $"Lottery '{lotteryId}' does not exist.");
}
