namespace Loyalty.Core.Insights;

/// <summary>A member a push selected and the group the push stored for them.</summary>
public sealed record PushRecipient(string MemberId, PushGroup Group);
