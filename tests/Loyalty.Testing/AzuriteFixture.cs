using Azure.Data.Tables;
using Azure.Storage.Queues;
using Xunit;

namespace Loyalty.Testing;

/// <summary>
/// A real Azurite for storage tests. Use it as a class fixture:
/// <c>public sealed class LedgerStoreTests(AzuriteFixture azurite) : IClassFixture&lt;AzuriteFixture&gt;</c>.
/// </summary>
/// <remarks>
/// When <c>LOYALTY_TEST_STORAGE</c> is set (scripts/test.sh sets it), that account is used and
/// nothing is started. Otherwise the first fixture in the test assembly starts Azurite from the
/// repository's node_modules (running <c>npm ci</c> if needed); all fixtures in the test process
/// share that one process, killed a few seconds after the last one is disposed (or when the test
/// process exits), so consecutive classes do not restart it. Classes run in parallel, so
/// each isolates its data with <see cref="UniqueName"/> rather than sharing tables or queues.
/// If Azurite cannot start, <see cref="InitializeAsync"/> throws: the tests fail, they never skip.
/// </remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "LOYALTY_TEST_STORAGE";

    // Every name this fixture hands out carries its scope, so one class's leftovers are easy to spot.
    private readonly string _scope = Guid.NewGuid().ToString("N")[..10];
    private int _nameCount;
    private string? _connectionString;
    private bool _leased;

    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("AzuriteFixture is not initialized yet.");

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _connectionString = configured;
            return;
        }

        _connectionString = await SharedAzurite.AcquireAsync();
        _leased = true;
    }

    public async Task DisposeAsync()
    {
        if (_leased)
        {
            _leased = false;
            await SharedAzurite.ReleaseAsync();
        }
    }

    public TableServiceClient CreateTableServiceClient() => new(ConnectionString);

    // Base64, like the Functions queue trigger and output binding expect.
    public QueueServiceClient CreateQueueServiceClient() =>
        new(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>
    /// A fresh name valid both as a table and as a queue name: the prefix's letters and digits,
    /// lowercased, then this fixture's scope and a counter, e.g. <c>ledger3f2a9c01be7</c>.
    /// </summary>
    public string UniqueName(string prefix) =>
        StorageNames.Compose(prefix, $"{_scope}{Interlocked.Increment(ref _nameCount)}");
}
