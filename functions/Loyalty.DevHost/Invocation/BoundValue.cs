namespace Loyalty.DevHost.Invocation;

/// <summary>A parameter's value; a wrapper so that "bound to null" differs from "not bound here".</summary>
public sealed record BoundValue(object? Value);
