using Loyalty.Core.Ledger;

namespace Loyalty.Core.Members;

/// <summary>A profile as it is after a change, and the ledger outcome of the change (its entry is null when nothing changed).</summary>
public sealed record ProfileUpdate<TView>(TView View, LedgerOutcome Outcome);
