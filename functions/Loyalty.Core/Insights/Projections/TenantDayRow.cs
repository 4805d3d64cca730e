namespace Loyalty.Core.Insights.Projections;

/// <summary>A stored <see cref="TenantDay"/> with the projector batch that last wrote it: a batch re-applied after a crash between this write and the cursor's skips the row.</summary>
public sealed record TenantDayRow(TenantDay Day, long LastBatch, string? ETag = null);
