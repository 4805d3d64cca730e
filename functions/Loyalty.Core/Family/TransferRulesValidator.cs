using Loyalty.Core.Common;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Family;

/// <summary>The program's <c>transfers</c> block: how much a family may move a month, and how large a family may be.</summary>
public static class TransferRulesValidator
{
    public static void Validate(TransferRules transfers, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Range("maxTransfersPerMonth", ProgramBounds.MaxTransfersPerMonth, transfers.MaxTransfersPerMonth);
        errors.Range("maxPointsPerMonth", ProgramBounds.MaxTransferPointsPerMonth, transfers.MaxPointsPerMonth);
        errors.Range("maxFamilyMembers", ProgramBounds.MaxFamilyMembers, transfers.MaxFamilyMembers);
    }
}
