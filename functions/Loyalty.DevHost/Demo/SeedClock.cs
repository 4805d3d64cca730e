namespace Loyalty.DevHost.Demo;

/// <summary>
/// A clock the seeder moves through the past. Each member's history runs in its own async flow with its own "now",
/// so members are seeded in parallel while every ledger entry, lot and expiry carries a realistic date.
/// </summary>
public sealed class SeedClock : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _now = new();

    public void Set(DateTimeOffset now) => _now.Value = now;

    public override DateTimeOffset GetUtcNow() => _now.Value ?? System.GetUtcNow();
}
