using Loyalty.Core.Purchases;
using Loyalty.EndToEnd.Tests.Hosting;
using Loyalty.Infrastructure.Queues;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.EndToEnd.Tests.Api;

/// <summary>The dev host with a clock the test moves, an accrual queue that can lose messages, and only the re-drive timer on.</summary>
public sealed class LostMessageFixture : ApiFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public LosingAccrualQueue AccrualQueue => Server.Services.GetRequiredService<LosingAccrualQueue>();

    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var timer in new[] { "ClearExpiredPoints", "ReviewTiers", "TidyUpPendingSagas", "SendExpiryReminders", "RestartReferralDrivers" })
        {
            settings[$"AzureWebJobs.{timer}.Disabled"] = "true";
        }
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(sp => new LosingAccrualQueue(ActivatorUtilities.CreateInstance<StorageAccrualQueue>(sp)));
        services.AddSingleton<IAccrualQueue>(sp => sp.GetRequiredService<LosingAccrualQueue>());
    }
}

/// <summary>A purchase whose message was lost, over real HTTP: the dev host's own RedriveQueuedWork timer and queue listener finish it.</summary>
public sealed class RedriveApiTests(LostMessageFixture fixture) : IClassFixture<LostMessageFixture>
{
    [Fact]
    public async Task A_purchase_whose_message_was_lost_is_credited_once_after_the_redrive_timer_fires()
    {
        var (_, pos, _, memberId) = await TestShop.OpenAsync(fixture, "redrive");
        var orderId = Orders.NewId("o");
        fixture.AccrualQueue.Losing = true;
        using (var submitted = await pos.PostAsync("api/v1/purchases", Orders.Purchase(orderId, memberId)))
        {
            await Json.ReadAsync(submitted, 202);
        }

        fixture.AccrualQueue.Losing = false;
        await Task.Delay(TimeSpan.FromSeconds(1));
        using (var waiting = await pos.GetAsync($"api/v1/purchases/{orderId}"))
        {
            Assert.Equal("queued", (await Json.ReadAsync(waiting, 200))["status"]!.GetValue<string>());
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        var credited = await pos.WaitForStatusAsync($"api/v1/purchases/{orderId}", "credited", TimeSpan.FromSeconds(30));
        using var ledger = await pos.GetAsync($"api/v1/members/{memberId}/ledger?type=earn");
        using var member = await pos.GetAsync($"api/v1/members/{memberId}");

        var entry = Assert.Single((await Json.ReadAsync(ledger, 200))["entries"]!.AsArray());
        Assert.Equal((64L, 64L), (credited["points"]!.GetValue<long>(), entry!["delta"]!.GetValue<long>()));
        Assert.Equal(64, (await Json.ReadAsync(member, 200))["lifetimeEarned"]!.GetValue<long>());
    }
}
