namespace Loyalty.Core.Insights;

/// <summary>A push recipient's group: sent the push, or kept out of it to measure what would have happened anyway.</summary>
public enum PushGroup
{
    Treated,
    Holdout,
}
