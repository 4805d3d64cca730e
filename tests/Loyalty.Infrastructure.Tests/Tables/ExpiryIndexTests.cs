using Loyalty.Core.Common;
using Loyalty.Core.Expiry;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>The expiry index against Azurite: a local day is a range of rows, also where it spans two UTC months.</summary>
public sealed class ExpiryIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeZoneInfo Shanghai = TenantClock.FindZone("Asia/Shanghai");

    private readonly TableExpiryIndex _index = new(new StorageContext(azurite).Tables);

    private static string NewTenant() => "t" + Guid.NewGuid().ToString("N")[..10];

    private static DateTimeOffset Local(int month, int day, int hour) => new(2027, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_shanghai_day_that_starts_in_one_utc_month_and_ends_in_the_next_is_read_whole_in_expiry_order_page_by_page()
    {
        var tenant = NewTenant();
        // Feb 1 in Shanghai runs from Jan 31 16:00 UTC to Feb 1 16:00 UTC: rows in both month partitions.
        var day = new DateOnly(2027, 2, 1);
        var inside = new[] { Local(2, 1, 3), Local(2, 1, 9), Local(2, 2, 0), Local(2, 1, 18) };
        for (var i = 0; i < inside.Length; i++)
        {
            await _index.RecordAsync(new MemberKey(tenant, $"m{i}"), [inside[i]], CancellationToken.None);
        }

        await _index.RecordAsync(new MemberKey(tenant, "before"), [Local(2, 1, 0)], CancellationToken.None);
        await _index.RecordAsync(new MemberKey(tenant, "after"), [Local(2, 2, 0).AddTicks(1)], CancellationToken.None);
        await _index.RecordAsync(new MemberKey(NewTenant(), "other-tenant"), [Local(2, 1, 9)], CancellationToken.None);
        var window = ExpiryWindow.ForDay(day, Shanghai);

        var seen = new List<ExpiryIndexEntry>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _index.PageAsync(tenant, window, cursor, 3, CancellationToken.None);
            seen.AddRange(page.Entries);
            cursor = page.Cursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(2, pages);
        Assert.Equal(["m0", "m1", "m3", "m2"], seen.Select(e => e.MemberId));
        Assert.Equal(inside.Order(), seen.Select(e => e.ExpiresAt));
    }

    [Fact]
    public async Task Recording_twice_keeps_one_row_and_removing_twice_is_harmless()
    {
        var tenant = NewTenant();
        var member = new MemberKey(tenant, "m1");
        var expiresAt = Local(3, 1, 0);
        await _index.RecordAsync(member, [expiresAt], CancellationToken.None);
        await _index.RecordAsync(member, [expiresAt], CancellationToken.None);
        var window = ExpiryWindow.ForDay(new DateOnly(2027, 2, 28), Shanghai);

        var before = await _index.PageAsync(tenant, window, null, 10, CancellationToken.None);
        await _index.RemoveAsync(tenant, [before.Entries[0]], CancellationToken.None);
        await _index.RemoveAsync(tenant, [before.Entries[0]], CancellationToken.None);

        Assert.Single(before.Entries);
        Assert.Empty((await _index.PageAsync(tenant, window, null, 10, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task Removing_many_rows_spans_partitions_and_batches_and_skips_rows_already_gone()
    {
        var tenant = NewTenant();
        // 150 members on Feb 28 and 30 on Mar 1 (local): two month partitions, and more than one batch in the first.
        var february = Local(2, 28, 12);
        var march = Local(3, 1, 12);
        var members = Enumerable.Range(0, 180).Select(i => new MemberKey(tenant, $"m{i:D3}")).ToList();
        foreach (var (member, i) in members.Select((m, i) => (m, i)))
        {
            await _index.RecordAsync(member, [i < 150 ? february : march], CancellationToken.None);
        }

        var window = new ExpiryWindow(february.AddDays(-1), march.AddDays(1));
        var all = await _index.PageAsync(tenant, window, null, 1000, CancellationToken.None);
        await _index.RemoveAsync(tenant, [all.Entries[3]], CancellationToken.None);

        await _index.RemoveAsync(tenant, all.Entries, CancellationToken.None);

        Assert.Equal(180, all.Entries.Count);
        Assert.Equal(2, all.Entries.Select(e => e.ExpiresAt.UtcDateTime.Month).Distinct().Count());
        Assert.Empty((await _index.PageAsync(tenant, window, null, 1000, CancellationToken.None)).Entries);
    }
}
