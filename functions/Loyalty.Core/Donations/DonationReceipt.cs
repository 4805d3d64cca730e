namespace Loyalty.Core.Donations;

/// <summary>The receipt of one donation; the same receipt number is on the member's ledger entry.</summary>
public sealed record DonationReceipt(
    string ReceiptNumber,
    string MemberId,
    string ProjectId,
    string ProjectName,
    long Points,
    DateTimeOffset At,
    string EntryId);
