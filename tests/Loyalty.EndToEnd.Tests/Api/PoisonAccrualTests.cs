using Azure.Data.Tables;
using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Api;

public sealed class PoisonAccrualTests(FailingAccrualFixture fixture) : IClassFixture<FailingAccrualFixture>
{
    [Fact]
    public async Task Purchase_whose_processing_always_fails_goes_through_the_poison_queue_and_shows_failed()
    {
        var (tenant, pos, _, memberId) = await TestShop.OpenAsync(fixture, "broken");
        var programs = await BreakProgramAsync(tenant.TenantId);

        var orderId = Orders.NewId("o");
        using var submitted = await pos.PostAsync("api/v1/purchases", Orders.Purchase(orderId, memberId));
        await Json.ReadAsync(submitted, 202);

        // Only AccrualPoison, fed from {queue}-poison, marks an order failed: reaching it proves the message was moved there
        // after maxDequeueCount (5) attempts by ProcessAccrual.
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
        await programs.DeleteEntityAsync(tenant.TenantId, "current");
        using var member = await pos.GetAsync($"api/v1/members/{memberId}");
        Assert.Equal(0, (await Json.ReadAsync(member, 200))["balance"]!.GetValue<long>());
        var queues = fixture.Azurite.CreateQueueServiceClient();
        Assert.Equal(0, (await queues.GetQueueClient(fixture.QueueName).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(0, (await queues.GetQueueClient(fixture.QueueName + "-poison").GetPropertiesAsync()).Value.ApproximateMessagesCount);
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
