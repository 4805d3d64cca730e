using Loyalty.DevHost;
using Loyalty.DevHost.Queues;
using Loyalty.DevHost.Settings;
using Microsoft.Extensions.Configuration;

namespace Loyalty.EndToEnd.Tests.DevHost;

public sealed class SettingsTests
{
    [Theory]
    [InlineData("%AccrualQueueName%", "accrual")]
    [InlineData("%AccrualQueueName%-poison", "accrual-poison")]
    [InlineData("pre-%AccrualQueueName%-%Region%", "pre-accrual-east")]
    [InlineData("literal", "literal")]
    public void Setting_references_resolve_and_literal_text_stays(string template, string expected)
    {
        var resolver = new SettingResolver(Configuration(("AccrualQueueName", "accrual"), ("Region", "east")));

        Assert.Equal(expected, resolver.Resolve(template));
    }

    [Fact]
    public void Unset_setting_fails_naming_it()
    {
        var resolver = new SettingResolver(Configuration());

        var error = Assert.Throws<InvalidOperationException>(() => resolver.Resolve("%Missing%-poison"));
        Assert.Contains("'Missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_settings_values_become_configuration_keys_like_core_tools_environment_variables()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            {
              "IsEncrypted": false,
              "Values": { "Storage__TablePrefix": "dev", "AccrualQueueName": "accrual", "Flag": true },
              "ConnectionStrings": { "Sql": "Server=x" }
            }
            """);
        try
        {
            var settings = LocalSettingsFile.Read(path);

            Assert.Equal("dev", settings["Storage:TablePrefix"]);
            Assert.Equal("accrual", settings["AccrualQueueName"]);
            Assert.Equal("true", settings["Flag"]);
            Assert.Equal("Server=x", settings["ConnectionStrings:Sql"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_banner_says_which_layer_a_setting_comes_from()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{ "Values": { "Bootstrap__Secret": "from-the-file-0123456789" } }""");
        Environment.SetEnvironmentVariable("SettingSourceTest__FromEnvironment", "y");
        try
        {
            await using var app = DevHostApplication.Create(new DevHostOptions
            {
                SettingsFile = path,
                Args = ["--SettingSourceTest:FromCommandLine=z"],
                Settings = new Dictionary<string, string?> { ["LoyaltyStorage"] = "UseDevelopmentStorage=true", ["AccrualQueueName"] = "accrual-under-test" },
            });

            Assert.Equal($"Bootstrap__Secret in {path}", SettingSource.Describe(app.Configuration, "Bootstrap:Secret"));
            Assert.Equal("the environment variable SettingSourceTest__FromEnvironment", SettingSource.Describe(app.Configuration, "SettingSourceTest:FromEnvironment"));
            Assert.Equal("the command line", SettingSource.Describe(app.Configuration, "SettingSourceTest:FromCommandLine"));
            Assert.Equal("AccrualQueueName in the dev host's settings", SettingSource.Describe(app.Configuration, "AccrualQueueName"));
            Assert.Null(SettingSource.Describe(app.Configuration, "SettingSourceTest:Unset"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SettingSourceTest__FromEnvironment", null);
            File.Delete(path);
        }
    }

    [Fact]
    public void Development_storage_shorthand_is_redirected_to_the_running_azurite()
    {
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["LoyaltyStorage"] = "DefaultEndpointsProtocol=https;AccountName=real" };

        DevelopmentStorage.Redirect(settings, "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;QueueEndpoint=http://127.0.0.1:5555/devstoreaccount1;");

        Assert.Contains("5555", settings["AzureWebJobsStorage"], StringComparison.Ordinal);
        Assert.Equal("DefaultEndpointsProtocol=https;AccountName=real", settings["LoyaltyStorage"]);
    }

    [Fact]
    public void Queue_options_come_from_the_apps_host_json()
    {
        var hostJson = HostJsonFile.Find();
        Assert.NotNull(hostJson);

        var options = QueueHostOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(HostJsonFile.Read(hostJson)).Build());

        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal(16, options.BatchSize);
        Assert.Equal(8, options.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(10), options.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxPollingInterval);
        Assert.True(options.Base64);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
