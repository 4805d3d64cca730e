using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Api;

/// <summary>A dev host whose queue retries fast, so a message that keeps failing reaches the poison queue in seconds.</summary>
public sealed class FailingAccrualFixture : ApiFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00.100";
        settings["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200";
    }
}
