namespace Loyalty.Core.Ledger;

/// <summary>The first result of an idempotent operation, with a fingerprint of the request that produced it.</summary>
public sealed record IdempotencyRecord(string Key, string Fingerprint, LedgerOutcome Outcome, DateTimeOffset CreatedAt);
