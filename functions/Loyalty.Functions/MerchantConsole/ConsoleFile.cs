namespace Loyalty.Functions.MerchantConsole;

/// <summary>One static file of the console, as served.</summary>
public sealed record ConsoleFile(string Path, ReadOnlyMemory<byte> Content, string ContentType);
