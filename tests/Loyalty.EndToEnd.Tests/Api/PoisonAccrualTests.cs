using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Loyalty.Core.Purchases;
using Loyalty.DevHost.Settings;
using Loyalty.EndToEnd.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.EndToEnd.Tests.Api;

public sealed class PoisonAccrualTests(FailingAccrualFixture fixture) : IClassFixture<FailingAccrualFixture>
{
    /// <summary>
    /// The real path: ProcessAccrual fails on every delivery, the queue listener gives up after host.json's
    /// maxDequeueCount and moves the message to {queue}-poison, and AccrualPoison marks the order failed.
    /// </summary>
    [Fact]
    public async Task Purchase_whose_processing_always_fails_goes_through_the_poison_queue_and_shows_failed()
    {
        var (tenant, pos, _, memberId) = await TestShop.OpenAsync(fixture, "broken");
        var programs = await BreakProgramAsync(tenant.TenantId);

        var orderId = Orders.NewId("o");
        using var submitted = await pos.PostAsync("api/v1/purchases", Orders.Purchase(orderId, memberId));
        await Json.ReadAsync(submitted, 202);

        // Only AccrualPoison, fed from {queue}-poison, marks an order failed.
        var view = await Poll.UntilAsync(
            async () =>
            {
                using var response = await pos.GetAsync($"api/v1/purchases/{orderId}");
                return await Json.ReadAsync(response, 200);
            },
            v => v["status"]!.GetValue<string>() != "queued",
            TimeSpan.FromSeconds(45));
        Assert.Equal("failed", view["status"]!.GetValue<string>());
        Assert.Contains("TimeZoneNotFoundException", view["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // Each failed delivery is counted on the order before the listener decides whether to try again.
        var record = await fixture.Server.Services.GetRequiredService<IPurchaseStore>().GetAsync(tenant.TenantId, orderId, CancellationToken.None);
        Assert.Equal(HostJsonMaxDequeueCount(), record!.Attempts);

        // The listener deletes a message only after its function returned (and the moved one after copying it to
        // the poison queue), so both queues become empty a moment after the order shows failed.
        var queues = fixture.Azurite.CreateQueueServiceClient();
        Assert.Equal((0, 0), await Poll.UntilAsync(
            async () => (await CountAsync(queues.GetQueueClient(fixture.QueueName)), await CountAsync(queues.GetQueueClient(fixture.QueueName + "-poison"))),
            counts => counts == (0, 0),
            TimeSpan.FromSeconds(10)));

        await programs.DeleteEntityAsync(tenant.TenantId, "current");
        using var member = await pos.GetAsync($"api/v1/members/{memberId}");
        Assert.Equal(0, (await Json.ReadAsync(member, 200))["balance"]!.GetValue<long>());
    }

    private static async Task<int> CountAsync(QueueClient queue) => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>What the Functions host would use: functions/Loyalty.Functions/host.json, which this fixture does not override.</summary>
    private static int HostJsonMaxDequeueCount()
    {
        var hostJson = Path.Combine(RepositoryFolder.Find()!, "functions", "Loyalty.Functions", "host.json");
        return JsonNode.Parse(File.ReadAllText(hostJson))!["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>();
    }

    /// <summary>
    /// A stored program whose time zone no longer exists (the API refuses to save one): every accrual for the tenant then
    /// throws while computing expiry, the kind of fault only a fix and a replay can cure. Reading a member needs the zone
    /// too, so the test removes the broken program again before it checks the balance.
    /// </summary>
    private async Task<TableClient> BreakProgramAsync(string tenantId)
    {
        var table = fixture.Azurite.CreateTableServiceClient().GetTableClient(fixture.TablePrefix + "programs");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity(tenantId, "current")
        {
            ["Version"] = 1,
            ["Rules"] = "{\"timeZone\":\"Mars/Olympus_Mons\"}",
            ["UpdatedAt"] = DateTimeOffset.UtcNow,
            ["UpdatedBy"] = "test",
        });
        return table;
    }
}
