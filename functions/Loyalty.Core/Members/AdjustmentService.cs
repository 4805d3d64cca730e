using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Members;

public sealed record Adjustment(long Delta, string? Reason, string? Reference)
{
    /// <summary>Limited-time points: a credit's own expiry, within the program's (<see cref="Expiry.LimitedTimePoints"/>).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>Admin corrections: a signed delta with a required reason, recorded with the operator who made it.</summary>
public sealed class AdjustmentService(LedgerService ledger, ProgramService programs, TimeProvider time)
{
    public const long MaxDelta = AdjustmentBounds.MaxDelta;

    public async Task<Result<LedgerOutcome>> AdjustAsync(MemberKey member, Adjustment adjustment, string idempotencyKey, string @operator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(adjustment);
        var errors = new List<FieldError>();
        if (adjustment.Delta == 0 || !AdjustmentBounds.Delta.Contains(adjustment.Delta))
        {
            errors.Add(AdjustmentBounds.Delta.Violation("delta", "delta, a non-zero whole number of points,"));
        }

        if (string.IsNullOrWhiteSpace(adjustment.Reason) || !TextBounds.Reason.Contains(adjustment.Reason))
        {
            errors.Add(new FieldError("reason", "required", "reason is required (1-200 characters): adjustments must explain themselves."));
        }

        if (!TextBounds.Code.Contains(adjustment.Reference))
        {
            errors.Add(new FieldError("reference", "length", "reference must be at most 64 characters."));
        }

        if (adjustment.ExpiresAt is not null && adjustment.Delta < 0)
        {
            errors.Add(new FieldError(Expiry.LimitedTimePoints.Field, "credit-only", "expiresAt applies to credits only; a negative adjustment spends existing points."));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var program = await programs.GetAsync(member.TenantId, cancellationToken);
        var expiresAt = Expiry.LimitedTimePoints.ExpiresAt(adjustment.ExpiresAt, program.Rules, time.GetUtcNow());
        if (!expiresAt.IsSuccess)
        {
            return expiresAt.Error;
        }

        var command = new AdjustPoints(IdempotencyKeys.Request(idempotencyKey), adjustment.Delta, adjustment.Reason!.Trim(), expiresAt.Value, adjustment.Reference)
        {
            Operator = @operator,
            ProgramVersion = program.Version,
            RequestedExpiresAt = adjustment.ExpiresAt,
        };
        return await ledger.ExecuteAsync(member, command, cancellationToken);
    }
}
