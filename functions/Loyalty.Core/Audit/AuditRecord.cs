using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Tenants;

namespace Loyalty.Core.Audit;

/// <summary>
/// One admin action as the audit log keeps it. <see cref="ActionId"/> names the action itself (the member and the
/// idempotency key of a ledger change, the program version, the key id) and <see cref="At"/> is the time the action
/// recorded, so recording the same action again — a replayed request, a retry after a crash — lands on the same row.
/// Nothing personal is kept: member ids, field names, reasons and amounts only.
/// </summary>
public sealed record AuditRecord
{
    public required string TenantId { get; init; }

    public required string ActionId { get; init; }

    public required AuditAction Action { get; init; }

    /// <summary>The API key that did it.</summary>
    public required string KeyId { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? MemberId { get; init; }

    /// <summary>What else the action names: the key issued or revoked, the program version, the merged-away member.</summary>
    public string? Subject { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>The record of a ledger change; null when it changed nothing (no entry, so nothing happened to audit).</summary>
    public static AuditRecord? Of(TenantCaller caller, AuditAction action, MemberKey member, LedgerOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Entry is not { } entry ? null : Of(caller, action, member, outcome.IdempotencyKey, entry);
    }

    public static AuditRecord Of(TenantCaller caller, AuditAction action, MemberKey member, string idempotencyKey, LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(entry);
        var details = new Dictionary<string, string> { ["entryId"] = entry.EntryId, ["entryType"] = entry.Type.ToString() };
        if (entry.Delta != 0)
        {
            details["delta"] = entry.Delta.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (entry.Details.TryGetValue("fields", out var fields))
        {
            details["fields"] = fields;
        }

        return new AuditRecord
        {
            TenantId = member.TenantId,
            ActionId = $"member:{member.MemberId}:{idempotencyKey}",
            Action = action,
            KeyId = caller.KeyId,
            At = entry.At,
            MemberId = member.MemberId,
            Reason = action == AuditAction.ProfileChange ? null : entry.Reason,
            Details = details,
        };
    }

    /// <summary>An export of the member's data; <paramref name="exportId"/> tells one export from another made in the same instant.</summary>
    public static AuditRecord Exported(TenantCaller caller, MemberKey member, string exportId, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentException.ThrowIfNullOrEmpty(exportId);
        return new AuditRecord { TenantId = member.TenantId, ActionId = $"export:{member.MemberId}:{exportId}", Action = AuditAction.Export, KeyId = caller.KeyId, At = exportedAt, MemberId = member.MemberId };
    }

    public static AuditRecord Of(TenantCaller caller, LoyaltyProgram program)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(program);
        var version = program.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new AuditRecord { TenantId = program.TenantId, ActionId = $"program:{version}", Action = AuditAction.ProgramChange, KeyId = caller.KeyId, At = program.UpdatedAt, Subject = $"version {version}" };
    }

    public static AuditRecord Issued(TenantCaller caller, ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(key);
        return new AuditRecord
        {
            TenantId = key.TenantId,
            ActionId = $"key-issue:{key.KeyId}",
            Action = AuditAction.KeyIssue,
            KeyId = caller.KeyId,
            At = key.CreatedAt,
            Subject = key.KeyId,
            Details = new Dictionary<string, string> { ["scope"] = key.Scope.ToString().ToLowerInvariant() },
        };
    }

    public static AuditRecord Revoked(TenantCaller caller, ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(key);
        return new AuditRecord
        {
            TenantId = key.TenantId,
            ActionId = $"key-revoke:{key.KeyId}",
            Action = AuditAction.KeyRevoke,
            KeyId = caller.KeyId,
            At = key.RevokedAt ?? throw new ArgumentException("The key is not revoked.", nameof(key)),
            Subject = key.KeyId,
        };
    }
}
