using Loyalty.Core.Events;
using Loyalty.Core.Reminders;
using Loyalty.Functions.Reminders;
using Loyalty.Functions.Tests.Support;
using Loyalty.Testing.Sms;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions.Tests.Reminders;

/// <summary>Pre-expiry reminders end to end: the real send log on Azurite, the real ACS sender, a fake ACS that verifies each request.</summary>
public sealed class ReminderDeliveryTests(AcsFunctionsHost host) : IClassFixture<AcsFunctionsHost>
{
    private readonly ReminderHarness _harness = new(host);

    private List<AcsCall> CallsTo(string phone) => [.. host.Acs.Calls.Where(c => c.To == "+86" + phone)];

    [Fact]
    public async Task Each_member_gets_one_reminder_in_their_language_and_a_rerun_sends_nothing_more()
    {
        var tenant = await _harness.TenantAsync();
        _harness.MoveTo(new TimeOnly(10, 30));
        var lastDay = _harness.Today.AddDays(7);
        var (fang, anna) = (ReminderHarness.NewPhone(), ReminderHarness.NewPhone());
        var chinese = await _harness.MemberAsync(tenant.TenantId, fang, "王芳", lastDay, 120);
        var english = await _harness.MemberAsync(tenant.TenantId, anna, "Anna", lastDay, 80, 20);
        await _harness.PreferAsync(english, null, "en");
        await _harness.AdjustAsync(english, 500);

        var first = await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);

        var zh = Assert.Single(CallsTo(fang));
        var en = Assert.Single(CallsTo(anna));
        Assert.Equal((ReminderRunState.Done, 2), (first.State, first[ReminderOutcome.Sent]));
        Assert.Equal((0, 2), (second[ReminderOutcome.Sent], second[ReminderOutcome.AlreadySent]));
        Assert.Equal($"【Star Café】王芳您好，您有120积分将于{lastDay.Year}年{lastDay.Month}月{lastDay.Day}日到期清零，请尽快使用。回复TD退订", zh.Message);
        Assert.StartsWith("Star Café: Hi Anna, 100 of your points expire after ", en.Message, StringComparison.Ordinal);
        Assert.Contains(lastDay.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture), en.Message, StringComparison.Ordinal);
        Assert.All([zh, en], c => Assert.Equal(("LOYALTY", true, null), (c.From, c.Delivered, c.Problem)));
        var log = await _harness.LogAsync(chinese);
        Assert.Equal((SmsSendStatus.Sent, 120L, "139****" + fang[^4..], 7, lastDay), (log!.Status, log.Points, log.To, log.OffsetDays, log.LastUsableDay));
        Assert.Equal(log.Key, zh.Tag);
        Assert.Equal(log.Repeatability.RequestId.ToString(), zh.RepeatabilityRequestId);
    }

    [Fact]
    public async Task A_reminder_tells_points_expiring_once_even_when_the_job_runs_again()
    {
        var tenant = await _harness.TenantAsync();
        _harness.MoveTo(new TimeOnly(10, 45));
        var lastDay = _harness.Today.AddDays(7);
        var member = await _harness.MemberAsync(tenant.TenantId, ReminderHarness.NewPhone(), null, lastDay, 60);

        await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(15));
        await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromSeconds(10));

        var feed = await host.Services.GetRequiredService<IEventFeed>().ReadAsync(tenant.TenantId, null, 100, CancellationToken.None);
        var expiring = Assert.Single(feed.Events, e => e.Type == "points.expiring");
        Assert.Equal(member.MemberId, expiring.MemberId);
        Assert.Equal(("60", lastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "7"), (expiring.Details!["points"], expiring.Details["lastUsableDay"], expiring.Details["daysBefore"]));
        Assert.DoesNotContain(expiring.Details.Values, v => v.Contains("****", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_who_opted_out_has_no_phone_or_nothing_left_to_expire_gets_nothing()
    {
        var tenant = await _harness.TenantAsync();
        _harness.MoveTo(new TimeOnly(11, 0));
        var lastDay = _harness.Today.AddDays(7);
        var (optedOut, spent) = (ReminderHarness.NewPhone(), ReminderHarness.NewPhone());
        var quiet = await _harness.MemberAsync(tenant.TenantId, optedOut, null, lastDay, 50);
        await _harness.PreferAsync(quiet, false, null);
        await _harness.MemberAsync(tenant.TenantId, null, "No Phone", lastDay, 50);
        var spender = await _harness.MemberAsync(tenant.TenantId, spent, null, lastDay, 50);
        await _harness.AdjustAsync(spender, -50);

        var run = await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);

        Assert.Equal((1, 1, 1, 0), (run[ReminderOutcome.OptedOut], run[ReminderOutcome.NoPhone], run[ReminderOutcome.NothingExpiring], run[ReminderOutcome.Sent]));
        Assert.Empty(CallsTo(optedOut));
        Assert.Empty(CallsTo(spent));
    }

    [Fact]
    public async Task Reminders_due_in_the_quiet_hours_wait_for_the_morning_and_still_name_the_right_day()
    {
        var tenant = await _harness.TenantAsync();
        _harness.MoveTo(new TimeOnly(21, 30));
        var lastDay = _harness.Today.AddDays(7);
        var phone = ReminderHarness.NewPhone();
        await _harness.MemberAsync(tenant.TenantId, phone, "夜猫", lastDay, 60);

        var night = await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);
        _harness.MoveTo(new TimeOnly(9, 5));
        var morning = await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);

        Assert.Equal(ReminderRunState.QuietHours, night.State);
        Assert.Equal(1, morning[ReminderOutcome.Sent]);
        var call = Assert.Single(CallsTo(phone));
        Assert.Contains($"{lastDay.Month}月{lastDay.Day}日", call.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throttled_send_is_retried_by_the_next_run_with_the_same_repeatability_and_a_refused_one_is_not_retried()
    {
        var tenant = await _harness.TenantAsync();
        _harness.MoveTo(new TimeOnly(12, 0));
        var lastDay = _harness.Today.AddDays(7);
        var phone = ReminderHarness.NewPhone();
        var member = await _harness.MemberAsync(tenant.TenantId, phone, null, lastDay, 70);

        host.Acs.Then(Answer.Throttled(1));
        var throttled = await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);
        var retrying = await _harness.LogAsync(member);
        host.Time.Advance(TimeSpan.FromMinutes(15));
        var retried = await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);

        Assert.Equal(1, throttled[ReminderOutcome.Retrying]);
        Assert.Equal((SmsSendStatus.Retrying, 1), (retrying!.Status, retrying.Attempts));
        Assert.Equal(1, retried[ReminderOutcome.Sent]);
        var calls = CallsTo(phone);
        Assert.Equal([429, 202], calls.Select(c => c.Answered));
        Assert.Single(calls.Select(c => (c.RepeatabilityRequestId, c.RepeatabilityFirstSent)).Distinct());
        Assert.Equal((SmsSendStatus.Sent, 2), ((await _harness.LogAsync(member))!.Status, (await _harness.LogAsync(member))!.Attempts));

        var refusedPhone = ReminderHarness.NewPhone();
        var refused = await _harness.MemberAsync(tenant.TenantId, refusedPhone, null, lastDay, 70);
        host.Acs.Then(Answer.RecipientFails("Invalid destination"));
        await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(15));
        var after = await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);

        Assert.Single(CallsTo(refusedPhone));
        Assert.Equal(SmsSendStatus.Failed, (await _harness.LogAsync(refused))!.Status);
        Assert.Equal(2, after[ReminderOutcome.AlreadySent]);
    }

    [Fact]
    public async Task The_timer_runs_every_tenants_due_reminders_and_a_tenant_with_reminders_off_sends_none()
    {
        var on = await _harness.TenantAsync();
        var off = await _harness.TenantAsync(ReminderHarness.Rules with { Enabled = false });
        _harness.MoveTo(new TimeOnly(13, 0));
        var lastDay = _harness.Today.AddDays(7);
        var (sent, silent) = (ReminderHarness.NewPhone(), ReminderHarness.NewPhone());
        await _harness.MemberAsync(on.TenantId, sent, null, lastDay, 10);
        await _harness.MemberAsync(off.TenantId, silent, null, lastDay, 10);

        await host.Function<ReminderFunctions>().Timer(new TimerInfo(), CancellationToken.None);

        Assert.Single(CallsTo(sent));
        Assert.Empty(CallsTo(silent));
    }
}
