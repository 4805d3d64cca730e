namespace Loyalty.Core.Programs;

public sealed record LadderStep(decimal MinAmount, long Points);
