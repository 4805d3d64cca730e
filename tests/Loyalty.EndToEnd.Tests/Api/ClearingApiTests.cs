using Loyalty.EndToEnd.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.EndToEnd.Tests.Api;

/// <summary>The dev host with a clock the test moves (its timers off, so only the admin request starts a run).</summary>
public sealed class ClockedApiFixture : ApiFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var timer in new[] { "ClearExpiredPoints", "ReviewTiers", "TidyUpPendingSagas", "SendExpiryReminders", "RestartReferralDrivers", "RedriveQueuedWork", "RelayOutbox", "PruneEventFeed", "ProjectInsights" })
        {
            settings[$"AzureWebJobs.{timer}.Disabled"] = "true";
        }
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Limited-time points and clearing over real HTTP through the dev host and its Durable host.</summary>
public sealed class ClearingApiTests(ClockedApiFixture fixture) : IClassFixture<ClockedApiFixture>
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task Points_granted_for_a_week_are_cleared_by_a_run_after_their_last_day_with_an_expire_entry_and_the_balance_lowered()
    {
        var (_, pos, admin, memberId) = await TestShop.OpenAsync(fixture, "clearing");
        var now = fixture.Clock.GetUtcNow().ToOffset(Shanghai);
        var lastDay = DateOnly.FromDateTime(now.Date).AddDays(7);
        var expiresAt = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), Shanghai);

        using var granted = await admin.PostAsync("api/v1/grants", new { memberIds = new[] { memberId }, points = 300, reason = "回归专属积分", expiresAt }, "welcome-back-1");
        using var adjusted = await admin.PostAsync($"api/v1/members/{memberId}/adjustments", new { delta = 40, reason = "goodwill" }, "goodwill-1");
        await Json.ReadAsync(granted, 200);
        await Json.ReadAsync(adjusted, 201);
        using var forecast = await admin.GetAsync($"api/v1/admin/expiry-forecast?from={lastDay:yyyy-MM-dd}&days=1");
        Assert.Equal(300, (await Json.ReadAsync(forecast, 200))["totalPoints"]!.GetValue<long>());

        fixture.Clock.SetUtcNow(expiresAt.AddHours(2));
        using var started = await admin.PostAsync("api/v1/admin/clearing-runs", new { date = $"{lastDay:yyyy-MM-dd}" });
        var location = started.Headers.Location!.ToString().TrimStart('/');
        await Json.ReadAsync(started, 202);
        var run = await admin.WaitForStatusAsync(location, "completed", TimeSpan.FromSeconds(30));

        Assert.Equal((1, 300L), (run["membersDone"]!.GetValue<int>(), run["pointsExpired"]!.GetValue<long>()));
        using var ledger = await pos.GetAsync($"api/v1/members/{memberId}/ledger?type=expire");
        var expired = Assert.Single((await Json.ReadAsync(ledger, 200))["entries"]!.AsArray());
        Assert.Equal(-300, expired!["delta"]!.GetValue<long>());
        using var member = await pos.GetAsync($"api/v1/members/{memberId}");
        var summary = await Json.ReadAsync(member, 200);
        Assert.Equal((40L, 300L), (summary["balance"]!.GetValue<long>(), summary["lifetimeExpired"]!.GetValue<long>()));
    }
}
