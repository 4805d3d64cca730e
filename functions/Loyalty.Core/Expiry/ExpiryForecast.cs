namespace Loyalty.Core.Expiry;

public enum ForecastGrouping
{
    Day,
    Month,
}

/// <summary>Points that will expire, by the last local day (or month) they can be used, as the members' lots hold them now.</summary>
public sealed record ExpiryForecast(DateOnly From, DateOnly To, ForecastGrouping By, IReadOnlyList<ExpiryForecastPeriod> Periods)
{
    public long TotalPoints => Periods.Sum(p => p.Points);
}

/// <summary><see cref="Period"/> is <c>yyyy-MM-dd</c> by day, <c>yyyy-MM</c> by month.</summary>
public sealed record ExpiryForecastPeriod(string Period, long Points, int Members);
