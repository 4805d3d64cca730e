using Microsoft.DurableTask.Client;
using Moq;

namespace Loyalty.Functions.Tests.Support;

/// <summary>A Durable client for hosts without orchestrations: any use fails the test (strict), so only calls that start nothing may be given it.</summary>
internal static class NoDurable
{
    public static DurableTaskClient Client => new Mock<DurableTaskClient>(MockBehavior.Strict, "none").Object;
}
