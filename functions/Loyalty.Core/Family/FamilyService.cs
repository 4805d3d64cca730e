using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Family;

/// <summary>Family binding: a member invites another; the binding exists once the invitee accepts.</summary>
public sealed class FamilyService(IFamilyStore family, ILedgerStore ledger, ProgramService programs, TimeProvider time)
{
    public async Task<Result<FamilyInvitation>> InviteAsync(string tenantId, InviteRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = ValidatePair(request.FromMemberId, request.ToMemberId, "fromMemberId", "toMemberId");
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var invitation = new FamilyInvitation
        {
            TenantId = tenantId,
            InvitationId = DerivedId.From("invitation", idempotencyKey),
            FromMemberId = request.FromMemberId!,
            ToMemberId = request.ToMemberId!,
            CreatedAt = time.GetUtcNow(),
        };
        var stored = await family.GetInvitationAsync(tenantId, invitation.InvitationId, cancellationToken);
        if (stored is null)
        {
            var refused = await CheckCanBindAsync(tenantId, invitation.FromMemberId, invitation.ToMemberId, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }

            stored = await family.AddOrGetInvitationAsync(invitation, cancellationToken);
        }

        return stored.FromMemberId == invitation.FromMemberId && stored.ToMemberId == invitation.ToMemberId
            ? stored
            : Error.Conflict("idempotency-key-reused", $"Idempotency key '{idempotencyKey}' was already used for a different invitation.");
    }

    public async Task<Result<FamilyInvitation>> AcceptAsync(string tenantId, string invitationId, AcceptInvitationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MemberKey.IsValidMemberId(request.MemberId))
        {
            return Error.Validation([ResourceId.Violation("memberId")]);
        }

        var invitation = await family.GetInvitationAsync(tenantId, invitationId, cancellationToken);
        if (invitation is null)
        {
            return Error.NotFound("invitation-not-found", $"Invitation '{invitationId}' does not exist.");
        }

        if (request.MemberId != invitation.ToMemberId)
        {
            return Error.Validation("memberId", "invitee", "Only the invited member can accept the invitation.");
        }

        if (invitation.Status == InvitationStatus.Pending)
        {
            var refused = await CheckCanBindAsync(tenantId, invitation.FromMemberId, invitation.ToMemberId, cancellationToken);
            if (refused is not null && refused.Code != "already-bound")
            {
                return refused;
            }
        }

        // Bindings first, then the status: a crash in between leaves a pending invitation whose retry completes it.
        var now = time.GetUtcNow();
        await family.BindAsync(tenantId, invitation.FromMemberId, invitation.ToMemberId, now, cancellationToken);
        if (invitation.Status == InvitationStatus.Accepted)
        {
            return invitation;
        }

        var accepted = invitation with { Status = InvitationStatus.Accepted, AcceptedAt = now };
        return await family.TryUpdateInvitationAsync(accepted, cancellationToken)
            ? accepted
            : await family.GetInvitationAsync(tenantId, invitationId, cancellationToken) ?? accepted;
    }

    public async Task<Result<IReadOnlyList<string>>> ListAsync(MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return MemberService.Refusal(member, await ledger.GetAccountAsync(member, cancellationToken)) is { } refused
            ? refused
            : Result<IReadOnlyList<string>>.Ok(await family.ListAsync(member.TenantId, member.MemberId, cancellationToken));
    }

    /// <summary>
    /// Either side may unbind. Both binding rows go, so a repeat after a crash between them finishes the job; once
    /// neither is left the answer is not-found. Transfers already recorded carry on: they were checked when they began.
    /// </summary>
    public async Task<Result<bool>> UnbindAsync(MemberKey member, string relativeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!MemberKey.IsValidMemberId(member.MemberId) || !MemberKey.IsValidMemberId(relativeId) || member.MemberId == relativeId)
        {
            return NotFamily(member.MemberId, relativeId);
        }

        if (await family.UnbindAsync(member.TenantId, member.MemberId, relativeId, cancellationToken))
        {
            return true;
        }

        return await ledger.GetAccountAsync(member, cancellationToken) is null ? MemberService.MemberNotFound(member) : NotFamily(member.MemberId, relativeId);
    }

    public async Task<bool> AreBoundAsync(string tenantId, string memberId, string otherMemberId, CancellationToken cancellationToken) =>
        (await family.ListAsync(tenantId, memberId, cancellationToken)).Contains(otherMemberId, StringComparer.Ordinal);

    private static Error NotFamily(string memberId, string relativeId) =>
        Error.NotFound("binding-not-found", $"Members '{memberId}' and '{relativeId}' are not bound as family.");

    internal static List<FieldError> ValidatePair(string? from, string? to, string fromField, string toField)
    {
        var errors = new List<FieldError>();
        if (!MemberKey.IsValidMemberId(from))
        {
            errors.Add(new FieldError(fromField, "pattern", $"{fromField} is required: 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (!MemberKey.IsValidMemberId(to))
        {
            errors.Add(new FieldError(toField, "pattern", $"{toField} is required: 1-64 letters, digits, '_', '.' or '-'."));
        }
        else if (to == from)
        {
            errors.Add(new FieldError(toField, "different-member", $"{toField} must be another member."));
        }

        return errors;
    }

    private async Task<Error?> CheckCanBindAsync(string tenantId, string from, string to, CancellationToken cancellationToken)
    {
        foreach (var memberId in new[] { from, to })
        {
            var key = new MemberKey(tenantId, memberId);
            if (MemberService.Refusal(key, await ledger.GetAccountAsync(key, cancellationToken)) is { } refused)
            {
                return refused;
            }
        }

        var max = (await programs.GetAsync(tenantId, cancellationToken)).Rules.Transfers.MaxFamilyMembers;
        var fromFamily = await family.ListAsync(tenantId, from, cancellationToken);
        if (fromFamily.Contains(to, StringComparer.Ordinal))
        {
            return Error.Conflict("already-bound", $"Members '{from}' and '{to}' are already family.");
        }

        var toFamily = await family.ListAsync(tenantId, to, cancellationToken);
        return fromFamily.Count >= max || toFamily.Count >= max
            ? Error.Rule("family-full", $"A member can bind at most {max} family members.")
            : null;
    }
}
