using Azure.Messaging.ServiceBus;
using Loyalty.Core.Events;
using Loyalty.Functions.Members;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Tests.Support;
using Loyalty.Infrastructure.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Purchases;

/// <summary>
/// The app with its real Service Bus publisher over the SDK's mockable sender (no broker runs here). The first send
/// fails the way an ambiguous one does (a timeout: the broker may have taken it); every later send succeeds.
/// </summary>
public sealed class ServiceBusPublishingHost : FunctionsHost
{
    private readonly Mock<ServiceBusSender> _sender = new(MockBehavior.Strict);
    private int _sends;

    /// <summary>Every batch handed to the sender, in order, whether the send failed or not.</summary>
    public List<List<ServiceBusMessage>> Sent { get; } = [];

    protected override void Configure(IServiceCollection services)
    {
        _sender.Setup(s => s.EntityPath).Returns("loyalty-events");
        _sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>())).Returns(() =>
        {
            var store = new List<ServiceBusMessage>();
            lock (Sent)
            {
                Sent.Add(store);
            }

            return ValueTask.FromResult(ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, store));
        });
        _sender.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>())).Returns(() =>
            Interlocked.Increment(ref _sends) == 1
                ? Task.FromException(new ServiceBusException("The operation did not complete within the allotted timeout.", ServiceBusFailureReason.ServiceTimeout))
                : Task.CompletedTask);
        services.AddSingleton<ILoyaltyEventPublisher>(new ServiceBusEventPublisher(_sender.Object, NullLogger<ServiceBusEventPublisher>.Instance));
    }
}

public sealed class PurchaseEventsTests(ServiceBusPublishingHost host) : IClassFixture<ServiceBusPublishingHost>
{
    [Fact]
    public async Task An_accrual_retried_after_an_ambiguous_publish_failure_resends_the_same_message_ids_and_credits_once()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "m-1" });
        await host.PurchaseAsync(tenant.Pos, new { orderId = "order-1", memberId = "m-1", cashPaid = 88.80m, lines = new[] { new { sku = "tea-1", quantity = 2, unitPrice = 50m } } });
        var message = (await host.Queue.ReceiveMessageAsync()).Value.Body.ToString();
        var purchases = host.Function<PurchaseFunctions>();

        await Assert.ThrowsAsync<ServiceBusException>(() => purchases.Process(message, NoDurable.Client, CancellationToken.None));
        var afterFailure = await CallAsync(Request("GET", "/api/v1/purchases/order-1", apiKey: tenant.Pos), r => purchases.Get(r, "order-1", CancellationToken.None));
        await purchases.Process(message, NoDurable.Client, CancellationToken.None);
        var credited = await CallAsync(Request("GET", "/api/v1/purchases/order-1", apiKey: tenant.Pos), r => purchases.Get(r, "order-1", CancellationToken.None));
        var ledger = await CallAsync(Request("GET", "/api/v1/members/m-1/ledger", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Ledger(r, "m-1", CancellationToken.None));

        Assert.Equal(2, host.Sent.Count);
        var (failed, retried) = (host.Sent[0], host.Sent[1]);
        var earned = Assert.Single(ledger.Json["entries"]!.AsArray(), e => e!["reference"]?.GetValue<string>() == "order-1")!;
        Assert.Equal("queued", afterFailure.Json["status"]!.GetValue<string>());
        Assert.Equal("credited", credited.Json["status"]!.GetValue<string>());
        Assert.Equal([earned["entryId"]!.GetValue<string>()], failed.Select(m => m.MessageId));
        Assert.Equal(failed.Select(m => m.MessageId), retried.Select(m => m.MessageId));
        Assert.Equal(failed.Select(m => m.Body.ToString()), retried.Select(m => m.Body.ToString()));
        Assert.Equal(88, (await host.MemberAsync(tenant.Pos, "m-1")).Json["lifetimeEarned"]!.GetValue<long>());
    }
}
