using System.Collections.Concurrent;

namespace Loyalty.EndToEnd.Tests.Samples;

/// <summary>What the sample functions saw, so the tests can check how the dev host invoked them.</summary>
public sealed class SampleRecorder
{
    public ConcurrentQueue<string> Events { get; } = new();

    public TaskCompletionSource<Microsoft.Azure.Functions.Worker.TimerInfo> TimerRan { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
