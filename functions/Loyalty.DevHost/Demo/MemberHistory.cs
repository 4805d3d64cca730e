using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Purchases;

namespace Loyalty.DevHost.Demo;

/// <summary>One demo member's life: registration, purchases at their own dates, the odd redemption and adjustment.</summary>
public sealed class MemberHistory(
    string tenantId,
    SeedClock clock,
    MemberService members,
    PurchaseService purchases,
    LedgerService ledger,
    AdjustmentService adjustments)
{
    /// <summary>Writes member <paramref name="n"/>'s history between <paramref name="start"/> and <paramref name="now"/>; returns the purchase count.</summary>
    public async Task<int> WriteAsync(int n, string memberId, DateTimeOffset start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random(20_261_124 + n);
        var span = (now - start).TotalDays;
        // More members joined early; a few only last month.
        var registeredAt = start.AddDays(span * Math.Pow(random.NextDouble(), 1.6)).AddMinutes(random.Next(8 * 60, 21 * 60));
        clock.Set(registeredAt);
        var name = $"{DemoCatalog.FamilyNames[random.Next(DemoCatalog.FamilyNames.Count)]} {DemoCatalog.GivenNames[random.Next(DemoCatalog.GivenNames.Count)]}";
        var phone = $"139{n:00000000}";
        var registered = await members.RegisterAsync(tenantId, new RegisterMember(memberId, phone, name), cancellationToken);
        if (!registered.IsSuccess)
        {
            throw new InvalidOperationException($"Cannot register {memberId}: {registered.Error.Message}");
        }

        var key = new MemberKey(tenantId, memberId);
        var segment = random.NextDouble();
        var lastDay = segment < 0.3 ? Math.Min(span, (registeredAt - start).TotalDays + 90) : span;
        var count = segment < 0.3 ? random.Next(1, 5) : segment < 0.8 ? random.Next(4, 14) : random.Next(15, 37);
        var dates = Enumerable.Range(0, count)
            .Select(_ => registeredAt.AddDays(random.NextDouble() * Math.Max(1, lastDay - (registeredAt - start).TotalDays)))
            .Where(d => d < now.AddHours(-1))
            .Order()
            .ToList();

        var written = 0;
        foreach (var occurredAt in dates)
        {
            var orderId = $"{memberId}-{++written:000}";
            var lines = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => DemoCatalog.Products[random.Next(DemoCatalog.Products.Count)])
                .Select(p => new PurchaseLine(p.Sku, p.Category, random.Next(1, 3), p.UnitPrice))
                .ToList();
            var purchase = new Purchase(orderId, memberId, DemoCatalog.Stores[n % DemoCatalog.Stores.Count], lines, lines.Sum(l => l.Amount), 0, occurredAt);
            clock.Set(occurredAt.AddMinutes(1));
            var submitted = await purchases.SubmitAsync(tenantId, purchase, cancellationToken);
            if (!submitted.IsSuccess)
            {
                throw new InvalidOperationException($"Cannot submit {orderId}: {submitted.Error.Message}");
            }

            clock.Set(occurredAt.AddMinutes(2));
            await purchases.ProcessAsync(new AccrualMessage(tenantId, orderId), cancellationToken);

            // Now and then a member trades points for a free drink.
            if (random.NextDouble() < 0.15)
            {
                clock.Set(occurredAt.AddDays(8 + random.Next(20)));
                if (clock.GetUtcNow() < now)
                {
                    var spend = new SpendPoints($"seed:redeem:{orderId}", 300, $"gift-{orderId}", "Redeemed: free latte");
                    await ledger.ExecuteAsync(key, spend, cancellationToken);
                }
            }
        }

        if (random.NextDouble() < 0.05)
        {
            clock.Set(now.AddDays(-random.Next(1, 60)));
            await adjustments.AdjustAsync(key, new Adjustment(200, "Goodwill: order delayed", null), $"seed-adjust-{memberId}", "demo-seeder", cancellationToken);
        }

        return written;
    }
}
