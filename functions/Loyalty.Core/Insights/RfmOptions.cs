namespace Loyalty.Core.Insights;

/// <summary>How RFM is scored: frequency and monetary value count the purchases of the last <see cref="LookbackMonths"/> calendar months, the current one included.</summary>
public sealed record RfmOptions
{
    public int LookbackMonths { get; init; } = 12;

    public RfmSegmentMap Map { get; init; } = RfmSegmentMap.Default;
}
