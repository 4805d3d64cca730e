using Loyalty.Infrastructure.Security;
using Loyalty.Infrastructure.Storage;
using Loyalty.Testing;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Tests.Support;

/// <summary>Tables of one test class, isolated from other classes by a unique prefix in the shared Azurite.</summary>
internal sealed class StorageContext(AzuriteFixture azurite)
{
    public LoyaltyTables Tables { get; } = new(
        azurite.CreateTableServiceClient(),
        Options.Create(new TableStorageOptions { TablePrefix = azurite.UniqueName("t") }));

    /// <summary>The field cipher of this class's tables, under a key ring of its own.</summary>
    public FieldCipher Cipher { get; } = new(FieldKeyRing.Parse(TestSecrets.NewFieldKeys(), out _)!);
}
