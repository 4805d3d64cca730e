using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Freezes;

/// <summary>
/// Admin freeze for fraud or dispute investigations: a frozen account cannot spend, hold, transfer, donate or draw,
/// and what it earns stays pending. Both freeze and unfreeze are ledger entries with the operator and reason.
/// </summary>
public sealed class FreezeService(LedgerService ledger)
{
    public Task<Result<LedgerOutcome>> FreezeAsync(MemberKey member, FreezeRequest request, string idempotencyKey, string @operator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(request, reasonRequired: true);
        if (errors.Count > 0)
        {
            return Task.FromResult<Result<LedgerOutcome>>(Error.Validation(errors));
        }

        var command = new FreezeAccount(IdempotencyKeys.Request(idempotencyKey), request.Reason!.Trim(), request.Reference) { Operator = @operator };
        return ledger.ExecuteAsync(member, command, cancellationToken);
    }

    public Task<Result<LedgerOutcome>> UnfreezeAsync(MemberKey member, FreezeRequest request, string idempotencyKey, string @operator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(request, reasonRequired: false);
        if (errors.Count > 0)
        {
            return Task.FromResult<Result<LedgerOutcome>>(Error.Validation(errors));
        }

        var command = new UnfreezeAccount(IdempotencyKeys.Request(idempotencyKey), request.Reason?.Trim(), request.Reference) { Operator = @operator };
        return ledger.ExecuteAsync(member, command, cancellationToken);
    }

    private static List<FieldError> Validate(FreezeRequest request, bool reasonRequired)
    {
        var errors = new List<FieldError>();
        if ((reasonRequired && string.IsNullOrWhiteSpace(request.Reason)) || request.Reason is { Length: > 200 })
        {
            errors.Add(new FieldError("reason", "required", "reason is required (1-200 characters): a freeze must say why."));
        }

        if (!TextBounds.Code.Contains(request.Reference))
        {
            errors.Add(new FieldError("reference", "length", "reference must be at most 64 characters."));
        }

        return errors;
    }
}
