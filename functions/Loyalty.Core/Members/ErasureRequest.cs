namespace Loyalty.Core.Members;

/// <summary>Why the account is erased (the member's request, a ticket number): kept on the forfeit entry and in the audit log.</summary>
public sealed record ErasureRequest(string? Reason);
