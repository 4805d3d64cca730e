namespace Loyalty.EndToEnd.Tests.Samples;

public sealed record SampleGreeting(string Name, int Times);
