namespace Loyalty.Core.Referrals;

/// <summary>How many referrals one referrer was rewarded for, ever and in one calendar month (tenant time): what the caps count.</summary>
public sealed record ReferrerTally(string ReferrerId, int Lifetime, string Month, int InMonth, long PointsEarned)
{
    public string? ETag { get; init; }

    public static ReferrerTally None(string referrerId) => new(referrerId, 0, string.Empty, 0, 0);

    public int CountIn(string month) => Month == month ? InMonth : 0;

    public ReferrerTally Add(string month, long points) => this with { Lifetime = Lifetime + 1, Month = month, InMonth = CountIn(month) + 1, PointsEarned = PointsEarned + points };
}
