using System.Diagnostics;

namespace Loyalty.EndToEnd.Tests.Hosting;

public static class Poll
{
    /// <summary>Reads until <paramref name="done"/> holds or the timeout passes; returns the last value read either way.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || watch.Elapsed > timeout)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
