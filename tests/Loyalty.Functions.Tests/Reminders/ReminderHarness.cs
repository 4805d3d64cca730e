using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Loyalty.Core.Reminders;
using Loyalty.Functions.Tests.Support;
using Loyalty.Testing.Sms;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions.Tests.Reminders;

/// <summary>The app with Communication Services configured (an access key), pointing at a fake ACS that checks every request; one attempt per send, so a throttled message is left for the next run.</summary>
public sealed class AcsFunctionsHost : FunctionsHost
{
    public FakeAcs Acs { get; } = FakeAcs.Start();

    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Sms"] = Acs.ConnectionString;
        settings["Sms:From"] = "+18005550100";
        settings["Sms:MaxAttempts"] = "1";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Acs.Dispose();
    }
}

/// <summary>Tenants with reminders on, members with points ending on a chosen day, and a clock moved to local times (Asia/Shanghai).</summary>
public sealed class ReminderHarness(FunctionsHost host)
{
    public static readonly TimeZoneInfo Shanghai = TenantClock.FindZone("Asia/Shanghai");

    public static readonly ReminderRules Rules = new() { Enabled = true, OffsetsDays = [7], SenderId = "LOYALTY" };

    public ReminderService Service => host.Services.GetRequiredService<ReminderService>();

    public DateOnly Today => TenantClock.LocalDate(host.Time.GetUtcNow(), Shanghai);

    /// <summary>Moves the clock forward to the next <paramref name="local"/> time in Shanghai (tomorrow's when today's has passed).</summary>
    public void MoveTo(TimeOnly local)
    {
        var now = host.Time.GetUtcNow();
        var day = TenantClock.LocalDate(now, Shanghai);
        var at = new DateTimeOffset(day.ToDateTime(local), TimeSpan.FromHours(8));
        host.Time.SetUtcNow(at > now ? at : at.AddDays(1));
    }

    public async Task<TenantKeys> TenantAsync(ReminderRules? rules = null)
    {
        var tenant = await host.NewTenantAsync();
        await host.SaveRulesAsync(tenant.TenantId, new Core.Programs.ProgramRules { Name = "Star Café", Reminders = rules ?? Rules });
        return tenant;
    }

    /// <summary>Registers a member (a fresh number unless given) and credits points that stay usable through <paramref name="lastUsableDay"/>.</summary>
    public async Task<MemberKey> MemberAsync(string tenantId, string? phone, string? name, DateOnly lastUsableDay, params long[] credits)
    {
        var id = "r-" + Guid.NewGuid().ToString("N")[..10];
        var registered = await host.Services.GetRequiredService<MemberService>().RegisterAsync(tenantId, new RegisterMember(id, phone, name), CancellationToken.None);
        Assert.True(registered.IsSuccess, registered.Error?.Message);
        var member = new MemberKey(tenantId, id);
        foreach (var points in credits)
        {
            await AdjustAsync(member, points, TenantClock.StartOfDay(lastUsableDay.AddDays(1), Shanghai));
        }

        return member;
    }

    public async Task AdjustAsync(MemberKey member, long delta, DateTimeOffset? expiresAt = null)
    {
        var adjusted = await host.Services.GetRequiredService<AdjustmentService>()
            .AdjustAsync(member, new Adjustment(delta, "seed", null) { ExpiresAt = expiresAt }, Guid.NewGuid().ToString("N"), "test", CancellationToken.None);
        Assert.True(adjusted.IsSuccess, adjusted.Error?.Message);
    }

    public async Task PreferAsync(MemberKey member, bool? sms, string? language)
    {
        var set = await host.Services.GetRequiredService<ProfileService>()
            .SetPreferencesAsync(member, new MemberPreferences(sms, language), Guid.NewGuid().ToString("N"), "test", CancellationToken.None);
        Assert.True(set.IsSuccess, set.Error?.Message);
    }

    public async Task<SmsSendRecord?> LogAsync(MemberKey member) =>
        Assert.Single(await host.Services.GetRequiredService<ISmsSendLog>().ListAsync(member.TenantId, member.MemberId, CancellationToken.None));

    /// <summary>A fresh mainland mobile number, so each test finds its own messages at the fake service.</summary>
    public static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
