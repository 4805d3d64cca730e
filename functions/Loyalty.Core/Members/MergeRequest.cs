namespace Loyalty.Core.Members;

/// <summary><c>POST /members/{id}/merge</c>: the member id of the duplicate account to merge into this one.</summary>
public sealed record MergeRequest(string? From);
