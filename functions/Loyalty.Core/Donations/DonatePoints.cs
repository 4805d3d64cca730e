using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Donations;

public sealed record DonatePoints(string IdempotencyKey, string ReceiptNumber, string ProjectId, string ProjectName, long Points) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{ReceiptNumber}|{ProjectId}|{Points}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var details = new Dictionary<string, string> { ["receiptNumber"] = ReceiptNumber, ["projectId"] = ProjectId, ["projectName"] = ProjectName };
        var spent = transaction.Spend(Points, LedgerEntryType.Donation, ProjectId, $"Donation to {ProjectName}", details);
        return spent.IsSuccess ? spent.Value : spent.Error;
    }
}
