using Loyalty.Core.Reminders;
using Loyalty.Infrastructure.Sms;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Infrastructure.Tests.Sms;

/// <summary>Which sender the settings give, named as infra deploys them; nothing here connects.</summary>
public sealed class SmsRegistrationTests
{
    private const string Key = "c2VjcmV0LWtleS1mb3ItdGVzdHM=";

    private static ServiceProvider Build(Dictionary<string, string?> sms) =>
        DependencyInjectionTests.Build(new Dictionary<string, string?>(sms) { ["LoyaltyStorage"] = "UseDevelopmentStorage=true" });

    [Fact]
    public async Task Without_communication_services_messages_go_to_the_outbox()
    {
        await using var services = Build(new() { ["Sms__From"] = "+18005550100" });

        Assert.Null(DependencyInjectionTests.StartupFailure(services));
        Assert.IsType<OutboxSmsSender>(services.GetRequiredService<ISmsSender>());
    }

    [Fact]
    public async Task The_deployed_settings_send_with_the_managed_identity_and_a_connection_string_with_its_key()
    {
        await using var identity = Build(new()
        {
            ["Sms__Endpoint"] = "https://acs-x.communication.azure.com",
            ["Sms__credential"] = "managedidentity",
            ["Sms__clientId"] = "00000000-0000-0000-0000-0000000000c1",
            ["Sms__From"] = "+18005550100",
        });
        await using var key = Build(new() { ["Sms"] = $"endpoint=https://acs-x.communication.azure.com/;accesskey={Key}", ["Sms__From"] = "LOYALTY" });

        Assert.Null(DependencyInjectionTests.StartupFailure(identity));
        Assert.Null(DependencyInjectionTests.StartupFailure(key));
        Assert.IsType<AcsSmsSender>(identity.GetRequiredService<ISmsSender>());
        Assert.IsType<AcsSmsSender>(key.GetRequiredService<ISmsSender>());
        Assert.Equal(Convert.FromBase64String(Key), AcsConnectionString.Parse($"accesskey={Key};endpoint=https://acs-x.communication.azure.com/")!.AccessKey);
    }

    [Theory]
    [InlineData("Sms", "endpoint=https://acs-x.communication.azure.com/", "must be a Communication Services connection string")]
    [InlineData("Sms__Endpoint", "acs-x.communication.azure.com", "'Sms__Endpoint' must be an absolute https URI")]
    [InlineData("Sms__clientId", "00000000-0000-0000-0000-0000000000c1", "SMS is half configured")]
    [InlineData("Sms__MaxAttempts", "0", "'Sms__MaxAttempts' must be between 1 and 10")]
    public async Task A_bad_setting_stops_the_start_naming_it(string name, string value, string message)
    {
        await using var services = Build(new() { [name] = value, ["Sms__From"] = "+18005550100" });

        var error = DependencyInjectionTests.StartupFailure(services);

        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Communication_services_without_a_sender_stops_the_start()
    {
        await using var services = Build(new() { ["Sms__Endpoint"] = "https://acs-x.communication.azure.com" });

        Assert.Contains("'Sms__From' is not set", DependencyInjectionTests.StartupFailure(services)?.Message, StringComparison.Ordinal);
    }
}
