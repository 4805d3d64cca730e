using System.Security.Cryptography;
using System.Text;
using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger;

/// <summary>
/// One balance-changing operation on one member. <see cref="Apply"/> is pure: given the transaction (state + time) it
/// records entries or returns a business error; the <see cref="LedgerService"/> persists the result atomically.
/// </summary>
public abstract record LedgerCommand(string IdempotencyKey)
{
    public string? Operator { get; init; }

    public int? ProgramVersion { get; init; }

    /// <summary>
    /// True only for the command that gives a merged account its points back when the merge could not finish; every
    /// other command is refused on a closed account.
    /// </summary>
    public virtual bool ReopensMergedAccount => false;

    /// <summary>
    /// True for a command that is almost never a replay (clearing: one key per member and date, sent once): its first
    /// attempt skips the idempotency read. Nothing can land twice — the batch inserts the idempotency row, which a
    /// second run finds there (409), and the next attempt reads it and replays. Only for commands whose caller reads a
    /// refusal on that first attempt (a missing or closed member) the same as a replay.
    /// </summary>
    public virtual bool RarelyReplayed => false;

    /// <summary>A stable description of what was asked: the same key with a different request is refused, not replayed.</summary>
    protected abstract string Describe();

    public abstract Result<LedgerEntry?> Apply(LedgerTransaction transaction);

    public string Fingerprint() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{GetType().Name}|{Describe()}")));
}
