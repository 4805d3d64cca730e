namespace Loyalty.Core.Programs;

/// <summary>What happens when several campaigns apply to the same line.</summary>
public enum CampaignStacking
{
    /// <summary>Only the largest multiplier counts.</summary>
    Highest,

    /// <summary>Multipliers multiply (double points day × new-product triple = ×6).</summary>
    Multiply,
}
