using Loyalty.Core.Common;

namespace Loyalty.Core.Insights;

/// <summary>
/// Measures a push from the recipients' day buckets (<see cref="MemberActivity.Days"/>): a member came back when they
/// have a purchase on any day of the window (the send day included, for both groups alike, so day granularity does not
/// bias the comparison). A recipient without a summary (erased since) counts as not come back.
/// </summary>
public static class PushOutcomeCalculator
{
    public const int MaxWindowDays = 90;

    /// <summary>The window is <paramref name="windowDays"/> days from <paramref name="sentOn"/>; it fails with <c>window-not-kept</c> when a summary no longer holds the window's days.</summary>
    public static Result<PushOutcome> Compute(DateOnly sentOn, int windowDays, IEnumerable<PushRecipient> recipients, IReadOnlyDictionary<string, MemberActivity> members)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowDays, MaxWindowDays);
        var window = new DateRange(sentOn, sentOn.AddDays(windowDays - 1));
        var list = recipients.ToList();
        var summaries = list.Select(r => members.GetValueOrDefault(r.MemberId)).OfType<MemberActivity>();
        if (summaries.Any(m => m.DaysFrom is { } from && from > window.From))
        {
            return Error.Rule("window-not-kept", $"The member summaries no longer hold the days from {window.From:yyyy-MM-dd}: measure a push while its window is within the days the projection keeps.");
        }

        return new PushOutcome(window, Group(PushGroup.Treated, list, members, window), Group(PushGroup.Holdout, list, members, window));
    }

    private static GroupOutcome Group(PushGroup group, List<PushRecipient> recipients, IReadOnlyDictionary<string, MemberActivity> members, DateRange window)
    {
        var inGroup = recipients.Where(r => r.Group == group).ToList();
        var buckets = inGroup
            .Select(r => members.GetValueOrDefault(r.MemberId)?.Days.Where(d => window.Contains(d.Start) && d.Count > 0).ToList() ?? [])
            .ToList();
        return new GroupOutcome(group, inGroup.Count, buckets.Count(b => b.Count > 0), buckets.Sum(b => b.Sum(d => d.Amount)), buckets.Sum(b => b.Sum(d => d.Points)));
    }
}
