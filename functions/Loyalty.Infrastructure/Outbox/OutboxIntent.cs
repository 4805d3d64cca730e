namespace Loyalty.Infrastructure.Outbox;

/// <summary>A partition (of <see cref="Table"/>) that may hold unpublished outbox rows, recorded in the time bucket <see cref="Bucket"/>.</summary>
public sealed record OutboxIntent(string Bucket, string Table, string PartitionKey);
