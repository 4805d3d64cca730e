namespace Loyalty.Testing.Deployment;

/// <summary>The two shells azure.yaml runs its hooks with: <c>posix</c> (sh) and <c>windows</c> (pwsh).</summary>
public enum HookShell
{
    Sh,
    Pwsh,
}
