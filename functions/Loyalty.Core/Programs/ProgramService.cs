using Loyalty.Core.Common;

namespace Loyalty.Core.Programs;

/// <summary>Reads and versions a tenant's program. A tenant that never saved rules runs on the defaults as version 0.</summary>
public sealed class ProgramService(IProgramStore store, TimeProvider time)
{
    public async Task<LoyaltyProgram> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        await store.GetCurrentAsync(tenantId, cancellationToken)
        ?? new LoyaltyProgram(tenantId, 0, new ProgramRules(), DateTimeOffset.UnixEpoch, null);

    /// <summary>Explains what a basket would earn; proposed rules are validated first (every problem listed).</summary>
    public async Task<Result<Earning.EarningBreakdown>> PreviewAsync(string tenantId, ProgramPreview preview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var rules = preview.ProposedRules ?? (await GetAsync(tenantId, cancellationToken)).Rules;
        var errors = ProgramValidator.Validate(rules).Select(e => e with { Field = preview.ProposedRules is null ? e.Field : $"rules.{e.Field}" }).ToList();
        errors.AddRange(Purchases.PurchaseValidator.Validate(preview.Basket, time.GetUtcNow()).Select(e => e with { Field = $"basket.{e.Field}" }));
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var tier = preview.Tier ?? rules.Tiers.Levels[0].Name;
        if (rules.Tiers.Levels.All(l => l.Name != tier))
        {
            errors.Add(new FieldError("tier", "known-tier", $"tier must be one of: {string.Join(", ", rules.Tiers.Levels.Select(l => l.Name))}."));
        }

        return errors.Count > 0
            ? Error.Validation(errors)
            : Earning.EarningCalculator.Calculate(preview.Basket, rules, new Earning.EarningContext(tier, preview.Birthday));
    }

    /// <summary>Validates and stores the rules as the next version. <paramref name="expectedVersion"/> (If-Match) guards against lost updates.</summary>
    public async Task<Result<LoyaltyProgram>> SaveAsync(string tenantId, ProgramRules rules, int? expectedVersion, string? updatedBy, CancellationToken cancellationToken)
    {
        var errors = ProgramValidator.Validate(rules);
        if (errors.Count > 0)
        {
            return new Error(ErrorKind.Validation, "invalid-program", "The program has problems; every one is listed.", errors);
        }

        var current = await GetAsync(tenantId, cancellationToken);
        if (expectedVersion is not null && expectedVersion != current.Version)
        {
            return Error.PreconditionFailed("version-mismatch", $"The program is at version {current.Version}, not {expectedVersion}.");
        }

        var next = new LoyaltyProgram(tenantId, current.Version + 1, rules, time.GetUtcNow(), updatedBy);
        return await store.SaveAsync(next, current.Version, cancellationToken)
            ? next
            : Error.PreconditionFailed("version-mismatch", "The program was changed by another request; read it again and retry.");
    }
}
