namespace Loyalty.Testing;

/// <summary>
/// One Azurite per test process, leased by the fixtures alive at a time. After the last release
/// it lingers a moment, so the next test class reuses it instead of paying for a restart; the
/// test process's exit stops it at the latest.
/// </summary>
internal static class SharedAzurite
{
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(3);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteProcess? _process;
    private static Exception? _startFailure;
    private static int _leases;
    private static int _releases;

    public static async Task<string> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            // A failed start is not retried by every other class: they all fail with the same cause.
            if (_startFailure is not null)
                throw new InvalidOperationException(_startFailure.Message, _startFailure);

            if (_process is null)
            {
                try
                {
                    _process = await AzuriteProcess.StartAsync(RepositoryRoot.Find());
                }
                catch (Exception ex)
                {
                    _startFailure = ex;
                    throw;
                }
            }

            _leases++;
            return _process.ConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        int release;
        await Gate.WaitAsync();
        try
        {
            if (--_leases > 0 || _process is null)
                return;
            release = ++_releases;
        }
        finally
        {
            Gate.Release();
        }

        _ = StopUnlessReusedAsync(release);
    }

    private static async Task StopUnlessReusedAsync(int release)
    {
        await Task.Delay(Linger);
        await Gate.WaitAsync();
        try
        {
            // Leased again, or released again later (that release's own timer decides).
            if (_leases > 0 || release != _releases || _process is null)
                return;

            await _process.DisposeAsync();
            _process = null;
        }
        finally
        {
            Gate.Release();
        }
    }
}
