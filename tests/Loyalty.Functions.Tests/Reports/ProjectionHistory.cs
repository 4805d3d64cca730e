using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Insights;
using Loyalty.Core.Insights.Projections;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Functions.Members;
using Loyalty.Functions.Reports;
using Loyalty.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Reports;

/// <summary>A tenant driven through real ledger operations (registrations, purchases, gift spends, refunds, adjustments, expiry), with the projector run as the timer would.</summary>
internal sealed class ProjectionHistory(FunctionsHost host, TenantKeys tenant)
{
    /// <summary>Points expire a month after they are earned, so a history of a few months has expiry in it.</summary>
    public static ProgramRules Rules { get; } = new()
    {
        Expiry = new ExpiryPolicy { Mode = ExpiryMode.Rolling, Months = 1, RoundToMonthEnd = false },
    };

    private readonly List<string> _orders = [];
    private int _next;

    public IInsightsStore Store => host.Services.GetRequiredService<IInsightsStore>();

    public async Task RegisterAsync(string memberId)
    {
        var response = await host.RegisterAsync(tenant.Pos, new { memberId });
        Assert.True(response.Status == 201, response.Text);
        Tick();
    }

    public async Task PurchaseAsync(string memberId, decimal cashPaid)
    {
        var orderId = $"o-{++_next}";
        var response = await host.PurchaseAsync(tenant.Pos, new { orderId, memberId, storeId = "s-1", cashPaid, lines = new[] { new { sku = "tea", quantity = 1, unitPrice = cashPaid } } });
        Assert.True(response.Status == 202, response.Text);
        await host.DrainQueueAsync();
        _orders.Add(orderId);
        Tick();
    }

    public async Task<bool> SpendAsync(string memberId, long points)
    {
        var spent = await Ledger.ExecuteAsync(Key(memberId), new SpendPoints($"spend-{++_next}", points, $"rd-{_next}", "gift"), CancellationToken.None);
        Tick();
        return spent.IsSuccess;
    }

    public async Task AdjustAsync(string memberId, long delta)
    {
        var response = await CallAsync(
            Request("POST", $"/api/v1/members/{memberId}/adjustments", new { delta, reason = "goodwill" }, tenant.Admin, Api.Key($"adj-{++_next}")),
            r => host.Function<MemberFunctions>().Adjust(r, memberId, CancellationToken.None));
        Assert.True(response.Status is 201 or 422, response.Text);
        Tick();
    }

    /// <summary>Refunds a whole order not refunded yet; false when every order is.</summary>
    public async Task<bool> RefundAsync(Random random)
    {
        if (_orders.Count == 0)
        {
            return false;
        }

        var orderId = _orders[random.Next(_orders.Count)];
        _orders.Remove(orderId);
        var response = await Api.RefundAsync(host, tenant, new { refundId = "r-" + orderId, orderId });
        Assert.True(response.Status is 200 or 201 or 202 or 422, response.Text);
        Tick();
        return true;
    }

    /// <summary>What the clearing run writes for a member nobody touched: the expiry of lots whose time has passed.</summary>
    public async Task ExpireAsync(string memberId)
    {
        var expired = await Ledger.ExecuteAsync(Key(memberId), new ExpirePoints($"expire-{++_next}"), CancellationToken.None);
        Assert.True(expired.IsSuccess, expired.Error?.Message);
        Tick();
    }

    /// <summary>One run of the timer, once the feed's read lag has passed.</summary>
    public async Task ProjectAsync()
    {
        host.Time.Advance(TimeSpan.FromSeconds(6));
        await host.Function<ProjectionFunctions>().Project(new TimerInfo(), CancellationToken.None);
    }

    public async Task<Response> RebuildAsync() =>
        await CallAsync(Request("POST", "/api/v1/admin/projections/rebuild", apiKey: tenant.Admin), r => host.Function<ProjectionFunctions>().Rebuild(r, CancellationToken.None));

    /// <summary>Every member row and day row as JSON, members by id and days by date, for comparing two ways of building them.</summary>
    public async Task<string> SnapshotAsync()
    {
        var members = new List<MemberActivity>();
        await foreach (var member in Store.ListMembersAsync(tenant.TenantId, CancellationToken.None))
        {
            members.Add(member);
        }

        var days = await Store.ListDaysAsync(tenant.TenantId, new DateRange(new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1)), CancellationToken.None);
        var normalized = days.Select(d => d with
        {
            PointsByType = d.PointsByType.Where(p => p.Value != 0).OrderBy(p => p.Key).ToDictionary(),
            SpentByChannel = d.SpentByChannel.Where(p => p.Value != 0).OrderBy(p => p.Key).ToDictionary(),
            CampaignPoints = d.CampaignPoints.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
        });
        return JsonSerializer.Serialize(new { members = members.OrderBy(m => m.MemberId, StringComparer.Ordinal), days = normalized }, LoyaltyJson.Options);
    }

    private LedgerService Ledger => host.Services.GetRequiredService<LedgerService>();

    private MemberKey Key(string memberId) => new(tenant.TenantId, memberId);

    /// <summary>Entries of one instant have no defined order across operations; the history moves on between operations.</summary>
    private void Tick() => host.Time.Advance(TimeSpan.FromMinutes(7));
}
