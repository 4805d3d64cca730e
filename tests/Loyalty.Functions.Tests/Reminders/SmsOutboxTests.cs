using Loyalty.Core.Reminders;
using Loyalty.Functions.Members;
using Loyalty.Functions.Reminders;
using Loyalty.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Reminders;

/// <summary>Without Communication Services (no Sms settings): reminders land in the SMS outbox, marked as not sent, for admins to read.</summary>
public sealed class SmsOutboxTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private readonly ReminderHarness _harness = new(host);

    private Task<Response> ListAsync(string key, string query = "") =>
        CallAsync(Request("GET", "/api/v1/admin/sms-outbox" + query, apiKey: key), r => host.Function<ReminderFunctions>().Outbox(r, CancellationToken.None));

    [Fact]
    public async Task A_reminder_without_an_sms_service_is_listed_as_not_sent_with_the_number_masked()
    {
        var tenant = await _harness.TenantAsync();
        _harness.MoveTo(new TimeOnly(10, 15));
        var lastDay = _harness.Today.AddDays(7);
        var phone = ReminderHarness.NewPhone();
        var member = await _harness.MemberAsync(tenant.TenantId, phone, "李雷", lastDay, 90);

        var run = await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(15));
        var rerun = await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);
        var listed = await ListAsync(tenant.Admin);

        Assert.Equal((1, 1), (run[ReminderOutcome.NotSent], rerun[ReminderOutcome.AlreadySent]));
        var message = Assert.Single(listed.Json["messages"]!.AsArray())!;
        Assert.Equal(SmsOutboxEntry.NotSentStatus, message["status"]!.GetValue<string>());
        Assert.Equal(("139****" + phone[^4..], "LOYALTY"), (message["to"]!.GetValue<string>(), message["from"]!.GetValue<string>()));
        Assert.Contains("李雷您好，您有90积分", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(phone, listed.Text, StringComparison.Ordinal);
        Assert.Equal(SmsSendStatus.NotSent, (await _harness.LogAsync(member))!.Status);
    }

    [Fact]
    public async Task Only_admins_read_the_outbox_a_bad_page_size_is_named_and_other_tenants_see_none_of_it()
    {
        var tenant = await _harness.TenantAsync();
        var other = await host.NewTenantAsync();
        _harness.MoveTo(new TimeOnly(10, 20));
        await _harness.MemberAsync(tenant.TenantId, ReminderHarness.NewPhone(), null, _harness.Today.AddDays(7), 5);
        await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);

        var storefront = await ListAsync(tenant.Storefront);
        var badSize = await ListAsync(tenant.Admin, "?pageSize=0");
        var unknown = await ListAsync(tenant.Admin, "?phone=1");
        var otherTenant = await ListAsync(other.Admin);

        Assert.Equal(403, storefront.Status);
        Assert.Equal((400, "pageSize"), (badSize.Status, badSize.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((400, "phone"), (unknown.Status, unknown.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Empty(otherTenant.Json["messages"]!.AsArray());
        Assert.Single((await ListAsync(tenant.Admin)).Json["messages"]!.AsArray());
        Assert.Single((await ListAsync(tenant.Admin, "?code=function-key")).Json["messages"]!.AsArray());
    }

    [Fact]
    public async Task Erasing_a_member_removes_their_reminders_from_the_outbox_and_the_send_log()
    {
        var tenant = await _harness.TenantAsync();
        _harness.MoveTo(new TimeOnly(10, 25));
        var lastDay = _harness.Today.AddDays(7);
        var erased = await _harness.MemberAsync(tenant.TenantId, ReminderHarness.NewPhone(), "韩梅梅", lastDay, 40);
        var kept = await _harness.MemberAsync(tenant.TenantId, ReminderHarness.NewPhone(), "Kept", lastDay, 40);
        await _harness.Service.RunAsync(tenant.TenantId, CancellationToken.None);

        var response = await CallAsync(
            Request("DELETE", $"/api/v1/members/{erased.MemberId}?reason=request", apiKey: tenant.Admin, headers: new Dictionary<string, string> { ["Idempotency-Key"] = "erase-1" }),
            r => host.Function<MemberPrivacyFunctions>().Erase(r, erased.MemberId, CancellationToken.None));
        var listed = await ListAsync(tenant.Admin);

        Assert.Equal(200, response.Status);
        var left = Assert.Single(listed.Json["messages"]!.AsArray())!;
        Assert.StartsWith(kept.MemberId + ":", left["tag"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("韩梅梅", listed.Text, StringComparison.Ordinal);
        var log = host.Services.GetRequiredService<ISmsSendLog>();
        Assert.Empty(await log.ListAsync(tenant.TenantId, erased.MemberId, CancellationToken.None));
        Assert.Single(await log.ListAsync(tenant.TenantId, kept.MemberId, CancellationToken.None));
    }
}
