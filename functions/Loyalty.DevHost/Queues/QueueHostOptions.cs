using System.Globalization;
using Loyalty.DevHost.Settings;
using Microsoft.Extensions.Configuration;

namespace Loyalty.DevHost.Queues;

/// <summary>host.json <c>extensions.queues</c>, with the Functions host's defaults for what it leaves out.</summary>
public sealed record QueueHostOptions
{
    public int BatchSize { get; init; } = 16;

    public int NewBatchThreshold { get; init; } = 8;

    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before its next attempt.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    public bool Base64 { get; init; } = true;

    public static QueueHostOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection($"{HostJsonFile.Section}:extensions:queues");
        var defaults = new QueueHostOptions();
        var batchSize = Math.Clamp(Int(section["batchSize"]) ?? defaults.BatchSize, 1, 32);
        return new QueueHostOptions
        {
            BatchSize = batchSize,
            NewBatchThreshold = Math.Max(0, Int(section["newBatchThreshold"]) ?? batchSize / 2),
            MaxDequeueCount = Math.Max(1, Int(section["maxDequeueCount"]) ?? defaults.MaxDequeueCount),
            VisibilityTimeout = Span(section["visibilityTimeout"]) ?? defaults.VisibilityTimeout,
            MaxPollingInterval = Span(section["maxPollingInterval"]) is { } max && max > TimeSpan.Zero ? max : defaults.MaxPollingInterval,
            Base64 = !string.Equals(section["messageEncoding"], "none", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TimeSpan? Span(string? text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;
}
