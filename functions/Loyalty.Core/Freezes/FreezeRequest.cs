namespace Loyalty.Core.Freezes;

public sealed record FreezeRequest(string? Reason, string? Reference);
