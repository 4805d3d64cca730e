using Loyalty.Infrastructure.Storage;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Support;

/// <summary>Tables and queues of one test class, isolated from other classes by a unique prefix in the shared Azurite.</summary>
internal sealed class StorageContext
{
    public StorageContext(AzuriteFixture azurite)
    {
        Options = new StorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = azurite.UniqueName("t"),
            AccrualQueueName = azurite.UniqueName("accrual"),
        };
        Tables = new LoyaltyTables(azurite.CreateTableServiceClient(), Options);
    }

    public StorageOptions Options { get; }

    public LoyaltyTables Tables { get; }
}
