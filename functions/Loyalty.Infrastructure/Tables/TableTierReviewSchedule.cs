using System.Globalization;
using Azure.Data.Tables;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Tier reviews by tenant and date (row key <c>{review ticks}:{member}</c>), so "due by now" is one range query.</summary>
public sealed class TableTierReviewSchedule(LoyaltyTables tables) : ITierReviewSchedule
{
    public async Task ScheduleAsync(MemberKey member, DateTimeOffset reviewAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var table = await tables.GetAsync(LoyaltyTables.TierReviews);
        await table.UpsertEntityAsync(new TableEntity(member.TenantId, RowKey(reviewAt, member.MemberId)) { ["MemberId"] = member.MemberId, ["ReviewAt"] = reviewAt }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<TierReviewDue>> DueAsync(string tenantId, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.TierReviews);
        var due = new List<TierReviewDue>();
        var upper = Ticks(now) + ";";
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey lt {upper}"), max, cancellationToken: cancellationToken))
        {
            due.Add(new TierReviewDue(new MemberKey(tenantId, e.GetString("MemberId")), e.GetDateTimeOffset("ReviewAt") ?? now));
            if (due.Count == max)
            {
                break;
            }
        }

        return due;
    }

    public async Task CompleteAsync(TierReviewDue due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        var table = await tables.GetAsync(LoyaltyTables.TierReviews);
        await table.DeleteEntityAsync(due.Member.TenantId, RowKey(due.ReviewAt, due.Member.MemberId), cancellationToken: cancellationToken);
    }

    private static string RowKey(DateTimeOffset reviewAt, string memberId) => $"{Ticks(reviewAt)}:{memberId}";

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
