namespace Loyalty.EndToEnd.Tests.Api;

/// <summary>Request bodies the tests send.</summary>
public static class Orders
{
    public static object Purchase(string orderId, string memberId, decimal unitPrice = 32m, int quantity = 2) => new
    {
        orderId,
        memberId,
        storeId = "sh-jingan",
        lines = new[] { new { sku = "latte", category = "coffee", quantity, unitPrice } },
        cashPaid = unitPrice * quantity,
        // A till resends the order as it was: without occurredAt the server stamps "now", and a resend would differ.
        occurredAt = OccurredAt,
    };

    private static readonly DateTimeOffset OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-10);

    public static object Member(string memberId, string? phone = null) => new { memberId, phone, name = "Li Lei" };

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}";
}
