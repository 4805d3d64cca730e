namespace Loyalty.Core.Insights;

/// <summary>Points that left members' accounts through one channel, and their share of all channels.</summary>
public sealed record ChannelSpend(SpendChannel Channel, long Points, Ratio Share);
