using Loyalty.Core.Events;
using Loyalty.Functions.Events;
using Loyalty.Functions.Members;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Tests.Support;
using Loyalty.Infrastructure.Events;
using Loyalty.Infrastructure.Outbox;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Loyalty.Testing.Events;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Purchases;

/// <summary>The app with its real Service Bus publisher over a stand-in sender (no broker runs here).</summary>
public sealed class ServiceBusPublishingHost : FunctionsHost
{
    public FakeServiceBusSender Broker { get; } = new();

    protected override void Configure(IServiceCollection services) =>
        services.AddSingleton<ILoyaltyEventPublisher>(new ServiceBusEventPublisher(Broker.Sender, NullLogger<ServiceBusEventPublisher>.Instance));
}

public sealed class PurchaseEventsTests(ServiceBusPublishingHost host) : IClassFixture<ServiceBusPublishingHost>
{
    private static object Order(string orderId, string memberId) =>
        new { orderId, memberId, cashPaid = 88.80m, lines = new[] { new { sku = "tea-1", quantity = 2, unitPrice = 50m } } };

    [Fact]
    public async Task A_broker_timeout_after_the_credit_leaves_it_credited_and_the_timer_sends_the_same_message_later()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "m-1" });
        await host.PurchaseAsync(tenant.Pos, Order("order-1", "m-1"));
        var message = (await host.Queue.ReceiveMessageAsync()).Value.Body.ToString();
        var purchases = host.Function<PurchaseFunctions>();

        host.Broker.FailNextSends = 1;
        await purchases.Process(message, NoDurable.Client, CancellationToken.None);
        var credited = await CallAsync(Request("GET", "/api/v1/purchases/order-1", apiKey: tenant.Pos), r => purchases.Get(r, "order-1", CancellationToken.None));
        var ledger = await CallAsync(Request("GET", "/api/v1/members/m-1/ledger", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Ledger(r, "m-1", CancellationToken.None));
        var earned = Assert.Single(ledger.Json["entries"]!.AsArray(), e => e!["reference"]?.GetValue<string>() == "order-1")!["entryId"]!.GetValue<string>();
        Assert.Equal("credited", credited.Json["status"]!.GetValue<string>());
        Assert.DoesNotContain(host.Broker.Accepted, m => m.MessageId == earned);

        host.Time.Advance(OutboxRelay.GracePeriod + TimeSpan.FromMinutes(1));
        await host.Function<OutboxFunctions>().Run(new TimerInfo(), CancellationToken.None);

        var failed = Assert.Single(host.Broker.Sent, s => !s.Accepted && s.Messages.Any(m => m.MessageId == earned)).Messages.Single();
        var sent = Assert.Single(host.Broker.Accepted, m => m.MessageId == earned);
        Assert.Equal(failed.Body.ToString(), sent.Body.ToString());
        Assert.Equal(("points.earned", tenant.TenantId, "m-1"), (sent.Subject, sent.ApplicationProperties["tenantId"], sent.ApplicationProperties["memberId"]));
        Assert.Equal($"{tenant.TenantId}:m-1", sent.SessionId);
        Assert.Equal(2L, sent.ApplicationProperties["sequence"]);
    }

    [Fact]
    public async Task Twenty_posts_of_one_order_ten_at_once_publish_exactly_one_points_earned()
    {
        var tenant = await host.NewTenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "m-20" });

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => host.PurchaseAsync(tenant.Pos, Order("order-20", "m-20")))));
        for (var i = 0; i < 10; i++)
        {
            await host.PurchaseAsync(tenant.Pos, Order("order-20", "m-20"));
        }

        await host.DrainQueueAsync();
        await host.Function<OutboxFunctions>().Run(new TimerInfo(), CancellationToken.None);
        host.Time.Advance(TimeSpan.FromSeconds(10));

        var earned = host.Broker.Accepted.Where(m => m.Subject == LoyaltyEventTypes.PointsEarned && Equals(m.ApplicationProperties["tenantId"], tenant.TenantId)).ToList();
        Assert.Single(earned);
        var feed = await host.Services.GetRequiredService<IEventFeed>().ReadAsync(tenant.TenantId, null, 100, CancellationToken.None);
        Assert.Equal(["member.registered", "points.earned"], feed.Events.Select(e => e.Type));
        Assert.Equal(earned[0].MessageId, feed.Events[1].EventId);
    }
}
