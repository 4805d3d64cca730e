namespace Loyalty.Testing;

/// <summary>
/// One Azurite per test process, leased by the fixtures alive at a time; the last release stops it.
/// </summary>
internal static class SharedAzurite
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteProcess? _process;
    private static Exception? _startFailure;
    private static int _leases;

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
        await Gate.WaitAsync();
        try
        {
            if (--_leases > 0 || _process is null)
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
