using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger.Commands;

/// <summary>
/// Expiry needs no work of its own: every transaction first removes lots whose time has passed. Running this
/// command just writes that removal for a member nobody else touched (the clearing run), keyed by the run.
/// </summary>
public sealed record ExpirePoints(string IdempotencyKey) : LedgerCommand(IdempotencyKey)
{
    public override bool RarelyReplayed => true;

    protected override string Describe() => "expire";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Entries.LastOrDefault(e => e.Type == LedgerEntryType.Expire);
    }
}
