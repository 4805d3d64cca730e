namespace Loyalty.Core.Insights;

/// <summary>One group of a push: its members, those who came back (bought at least once in the window), and what all its members spent and earned from purchases in the window.</summary>
public sealed record GroupOutcome(PushGroup Group, int Members, int CameBack, decimal Spend, long Points)
{
    public Ratio Rate => new(CameBack, Members);
}
