namespace Loyalty.Core.Ledger;

/// <summary>The ledger idempotency keys of operations whose business id is the key, so every path that reaches them agrees.</summary>
public static class IdempotencyKeys
{
    public static string Purchase(string orderId) => $"purchase:{orderId}";

    public static string Request(string key) => $"request:{key}";
}
