namespace Loyalty.Core.Redrive;

/// <param name="After">How long accepted work may stay queued before its message is sent again.</param>
/// <param name="MaxRedrives">Re-drives per purchase or refund; still queued after the last one, it is marked failed.</param>
/// <param name="MaxPerRun">Index rows one run looks at, so a run stays short; the rest wait for the next run.</param>
public sealed record RedriveSettings(TimeSpan After, int MaxRedrives, int MaxPerRun)
{
    public static readonly RedriveSettings Default = new(TimeSpan.FromMinutes(5), 3, 200);

    /// <summary>The wait before the look after re-drive <paramref name="redrives"/>: doubled each time (5, 10, 20, 40 minutes by default), so a long backlog is not flooded with copies.</summary>
    public TimeSpan WaitAfter(int redrives) => After * Math.Pow(2, redrives);
}
