using System.Diagnostics;
using System.Globalization;

namespace Loyalty.Benchmarks;

/// <summary>Runs an operation a fixed number of times, sequentially, and prints operations per second and latency percentiles.</summary>
internal sealed class Bench(int operations)
{
    public async Task<double> RunAsync(string name, Func<int, Task> operation)
    {
        var latencies = new double[operations];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < operations; i++)
        {
            var one = Stopwatch.StartNew();
            await operation(i);
            latencies[i] = one.Elapsed.TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(latencies);
        var opsPerSecond = operations / total.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-50} {opsPerSecond,8:0.0} ops/s   p50 {latencies[operations / 2],6:0.00} ms   p95 {latencies[(int)(operations * 0.95)],6:0.00} ms   ({operations} ops)"));
        return opsPerSecond;
    }
}
