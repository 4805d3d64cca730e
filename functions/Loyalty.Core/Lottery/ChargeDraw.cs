using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Lottery;

/// <summary>Charges a recorded draw; the entry carries everything an auditor needs to recompute the outcome.</summary>
public sealed record ChargeDraw(string IdempotencyKey, LotteryDraw Draw) : LedgerCommand(IdempotencyKey)
{
    protected override string Describe() => $"{Draw.DrawId}|{Draw.LotteryId}|{Draw.CostPoints}|{Draw.Number}|{Draw.Outcome}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var details = new Dictionary<string, string>
        {
            ["drawId"] = Draw.DrawId,
            ["number"] = Draw.Number.ToString(CultureInfo.InvariantCulture),
            ["odds"] = Draw.Odds,
            ["oddsVersion"] = Draw.OddsVersion.ToString(CultureInfo.InvariantCulture),
            ["rng"] = "System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, total)",
            ["outcome"] = Draw.Outcome,
        };
        var spent = transaction.Spend(Draw.CostPoints, LedgerEntryType.Lottery, Draw.LotteryId, Draw.Won ? $"Lottery draw: won {Draw.PrizeName}" : "Lottery draw: no prize", details);
        return spent.IsSuccess ? spent.Value : spent.Error;
    }
}
