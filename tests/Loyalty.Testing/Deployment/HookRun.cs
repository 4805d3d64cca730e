namespace Loyalty.Testing.Deployment;

/// <summary>How a hook script ended, and what it wrote to stdout and stderr.</summary>
public sealed record HookRun(int ExitCode, string Output);
