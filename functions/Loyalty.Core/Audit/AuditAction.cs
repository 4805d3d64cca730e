namespace Loyalty.Core.Audit;

/// <summary>What an admin did. Each is recorded once, after it took effect, with the key that did it; an export is a read, recorded once per export.</summary>
public enum AuditAction
{
    Adjustment,
    Freeze,
    Unfreeze,
    Merge,
    Erase,
    ProgramChange,
    KeyIssue,
    KeyRevoke,

    /// <summary>A profile change made with an admin key (names the fields changed, never their values).</summary>
    ProfileChange,

    /// <summary>The member's data exported (<c>GET /members/{id}/export</c>, the PIPL/GDPR access right): who read everything held about them.</summary>
    Export,
}
