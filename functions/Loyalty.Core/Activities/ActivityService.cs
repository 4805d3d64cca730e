using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Activities;

/// <summary>Earning without a purchase: check-ins, shares, tasks and admins' manual grants. Each is one idempotent ledger batch per member.</summary>
public sealed class ActivityService(LedgerService ledger, ProgramService programs, TimeProvider time)
{
    public Task<Result<LedgerOutcome>> CheckInAsync(MemberKey member, string idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync(member, rules => new CheckIn(Key("checkin", idempotencyKey), rules), cancellationToken);

    public Task<Result<LedgerOutcome>> ShareAsync(MemberKey member, string? platform, string? reference, string idempotencyKey, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(platform)
            ? Task.FromResult<Result<LedgerOutcome>>(Error.Validation("platform", "required", "platform is required."))
            : RunAsync(member, rules => new Share(Key("share", idempotencyKey), rules, platform, reference), cancellationToken);

    public Task<Result<LedgerOutcome>> CompleteTaskAsync(MemberKey member, string taskId, string? reference, string idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync(member, rules => new CompleteTask(Key("task", idempotencyKey), rules, taskId, reference), cancellationToken);

    /// <summary>A holiday gift to one member or a list: each member gets the same points with the same reason, once per key.</summary>
    public async Task<Result<IReadOnlyList<GrantResult>>> GrantAsync(string tenantId, Grant grant, string idempotencyKey, string @operator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var errors = new List<FieldError>();
        if (grant.MemberIds is not { } memberIds || !GrantBounds.MemberIds.Contains(memberIds.Count))
        {
            errors.Add(GrantBounds.MemberIds.CountViolation("memberIds"));
        }
        else if (grant.MemberIds.Any(id => !MemberKey.IsValidMemberId(id)))
        {
            errors.Add(new FieldError("memberIds", "pattern", "Every member id must be 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (!GrantBounds.Points.Contains(grant.Points))
        {
            errors.Add(GrantBounds.Points.Violation("points"));
        }

        if (string.IsNullOrWhiteSpace(grant.Reason) || !TextBounds.Reason.Contains(grant.Reason))
        {
            errors.Add(new FieldError("reason", "required", "reason is required (1-200 characters)."));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var program = await programs.GetAsync(tenantId, cancellationToken);
        var expiresAt = Expiry.LimitedTimePoints.ExpiresAt(grant.ExpiresAt, program.Rules, time.GetUtcNow());
        if (!expiresAt.IsSuccess)
        {
            return expiresAt.Error;
        }

        var results = new List<GrantResult>();
        foreach (var memberId in grant.MemberIds!.Distinct())
        {
            var command = new EarnPoints($"grant:{idempotencyKey}:{memberId}", new EarnRequest(grant.Points, expiresAt.Value, "grant", grant.Reference, grant.Reason!.Trim()))
            {
                Operator = @operator,
                ProgramVersion = program.Version,
                RequestedExpiresAt = grant.ExpiresAt,
            };
            var outcome = await ledger.ExecuteAsync(new MemberKey(tenantId, memberId), command, cancellationToken);
            results.Add(outcome.IsSuccess
                ? new GrantResult(memberId, "granted", outcome.Value.Entry?.EntryId, null)
                : new GrantResult(memberId, "failed", null, outcome.Error.Code));
        }

        return results;
    }

    private async Task<Result<LedgerOutcome>> RunAsync(MemberKey member, Func<ProgramRules, LedgerCommand> command, CancellationToken cancellationToken)
    {
        var program = await programs.GetAsync(member.TenantId, cancellationToken);
        return await ledger.ExecuteAsync(member, command(program.Rules) with { ProgramVersion = program.Version }, cancellationToken);
    }

    private static string Key(string kind, string idempotencyKey) => $"{kind}:{idempotencyKey}";
}

public sealed record Grant(IReadOnlyList<string>? MemberIds, long Points, string? Reason, string? Reference)
{
    /// <summary>Limited-time points: the grant's own expiry, within the program's (<see cref="Expiry.LimitedTimePoints"/>).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

public sealed record GrantResult(string MemberId, string Status, string? EntryId, string? Error);
