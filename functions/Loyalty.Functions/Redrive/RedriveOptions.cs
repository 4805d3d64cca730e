using Loyalty.Core.Redrive;

namespace Loyalty.Functions.Redrive;

/// <summary>Section <c>Redrive</c>: when purchases and refunds still queued have their accrual message sent again.</summary>
public sealed class RedriveOptions
{
    public const string Section = "Redrive";

    /// <summary>Longer than the queue's own retries of a slow message take to begin; shorter than a client would wait.</summary>
    public static readonly TimeSpan MinAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxAfter = TimeSpan.FromDays(1);

    public const int MaxMaxRedrives = 10;

    public const int MaxMaxPerRun = 5000;

    /// <summary>How long accepted work may stay queued before its message is sent again (e.g. <c>00:05:00</c>).</summary>
    public TimeSpan After { get; set; } = RedriveSettings.Default.After;

    /// <summary>Re-drives per purchase or refund before it is marked failed.</summary>
    public int MaxRedrives { get; set; } = RedriveSettings.Default.MaxRedrives;

    /// <summary>Index rows one run looks at.</summary>
    public int MaxPerRun { get; set; } = RedriveSettings.Default.MaxPerRun;

    public RedriveSettings ToSettings() => new(After, MaxRedrives, MaxPerRun);
}
