using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Security;
using Loyalty.Infrastructure.Storage;
using Loyalty.Infrastructure.Tables;
using Loyalty.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>
/// A server error or a dropped connection on the batch says nothing about whether it landed. Azurite cannot be made
/// to fail that way, so the table client is a narrow mock here; what the ledger does next is tested against Azurite.
/// </summary>
public sealed class AmbiguousCommitTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_batch_that_fails_without_a_verdict_is_reported_as_ambiguous(int status)
    {
        var table = new Mock<TableClient>();
        table.Setup(t => t.CreateIfNotExistsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Mock.Of<Response<TableItem>>());
        table.Setup(t => t.SubmitTransactionAsync(It.IsAny<IEnumerable<TableTransactionAction>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(status, "lost"));
        var service = new Mock<TableServiceClient>();
        service.Setup(s => s.GetTableClient(It.IsAny<string>())).Returns(table.Object);
        var store = new TableLedgerStore(new LoyaltyTables(service.Object, Options.Create(new TableStorageOptions())), new FieldCipher(FieldKeyRing.Parse(TestSecrets.NewFieldKeys(), out _)!));
        var account = new MemberAccount { Key = new MemberKey("t", "m"), RegisteredAt = DateTimeOffset.UnixEpoch };
        var changes = new LedgerChangeSet(account, "\"etag\"", [], [], [], new IdempotencyRecord("k", "f", new LedgerOutcome { IdempotencyKey = "k", Balance = new BalanceSnapshot(0, 0, 0, 0) }, DateTimeOffset.UnixEpoch));

        var error = await Assert.ThrowsAsync<IOException>(() => store.CommitAsync(changes, CancellationToken.None));

        Assert.IsType<RequestFailedException>(error.InnerException);
    }
}
