using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Donations;

/// <summary>
/// Donations of points to merchant-configured charity projects. The member's debit (with the receipt number) comes
/// first; the project's total is then counted idempotently by receipt, so a retried request finishes the count.
/// </summary>
public sealed class DonationService(ICharityStore charity, ILedgerStore ledgerStore, LedgerService ledger, TimeProvider time)
{
    public async Task<Result<CharityProject>> SaveProjectAsync(string tenantId, string projectId, CharityProjectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        if (!IsValidProjectId(projectId))
        {
            errors.Add(new FieldError("projectId", "pattern", "projectId must be 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (string.IsNullOrWhiteSpace(request.Name) || !TextBounds.Name.Contains(request.Name))
        {
            errors.Add(new FieldError("name", "length", "name must be 1-100 characters."));
        }

        if (!DonationBounds.Description.Contains(request.Description))
        {
            errors.Add(new FieldError("description", "length", "description must be at most 1000 characters."));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        return await charity.SaveAsync(
            new CharityProject { TenantId = tenantId, ProjectId = projectId, Name = request.Name!.Trim(), Description = request.Description, Active = request.Active ?? true, UpdatedAt = time.GetUtcNow() },
            cancellationToken);
    }

    public async Task<Result<CharityProject>> GetProjectAsync(string tenantId, string projectId, CancellationToken cancellationToken) =>
        (IsValidProjectId(projectId) ? await charity.GetAsync(tenantId, projectId, cancellationToken) : null) is { } project
            ? project
            : ProjectNotFound(projectId);

    public async Task<Result<DonationReceipt>> DonateAsync(string tenantId, DonationRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        if (!MemberKey.IsValidMemberId(request.MemberId))
        {
            errors.Add(ResourceId.Violation("memberId"));
        }

        if (!IsValidProjectId(request.ProjectId))
        {
            errors.Add(new FieldError("projectId", "pattern", "projectId is required: 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (!DonationBounds.Points.Contains(request.Points))
        {
            errors.Add(DonationBounds.Points.Violation("points"));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var project = await charity.GetAsync(tenantId, request.ProjectId!, cancellationToken);
        if (project is null)
        {
            return ProjectNotFound(request.ProjectId!);
        }

        var receiptNumber = "D" + DerivedId.From("donation", idempotencyKey).ToUpperInvariant();
        var command = new DonatePoints($"donation:{receiptNumber}", receiptNumber, project.ProjectId, project.Name, request.Points!.Value);
        var member = new MemberKey(tenantId, request.MemberId!);

        // A closed project refuses new donations, but a retry of one already debited must still be counted.
        if (!project.Active && await ledgerStore.FindIdempotencyAsync(member, command.IdempotencyKey, cancellationToken) is null)
        {
            return Error.Rule("project-closed", $"Project '{project.ProjectId}' no longer accepts donations.");
        }

        var outcome = await ledger.ExecuteAsync(member, command, cancellationToken);
        if (!outcome.IsSuccess)
        {
            return outcome.Error;
        }

        var entry = outcome.Value.Entry!;
        var receipt = new DonationReceipt(receiptNumber, member.MemberId, project.ProjectId, project.Name, -entry.Delta, entry.At, entry.EntryId);
        await charity.RecordAsync(tenantId, receipt, cancellationToken);
        return receipt;
    }

    public static bool IsValidProjectId(string? projectId) => ResourceId.IsValid(projectId);

    private static Error ProjectNotFound(string projectId) => Error.NotFound("project-not-found", $"Charity project '{projectId}' does not exist.");
}
