using Loyalty.Core.Purchases;

namespace Loyalty.Core.Programs;

/// <summary>A basket evaluated against current or proposed rules without touching the ledger.</summary>
public sealed record ProgramPreview(Purchase Basket, string? Tier, bool Birthday, ProgramRules? ProposedRules);
