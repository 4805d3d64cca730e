using Loyalty.Core.Members;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Redrive;
using Loyalty.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Loyalty.Functions.Tests.Deployment;

/// <summary>The settings the use cases read are checked when the host starts, and a bad one is named in the failure.</summary>
public sealed class StartupSettingsTests
{
    private static ServiceProvider Build(IDictionary<string, string?> appSettings)
    {
        var settings = new Dictionary<string, string?>(appSettings) { ["LoyaltyStorage"] = "UseDevelopmentStorage=true" };
        settings.TryAdd("Security__FieldKeys", TestSecrets.NewFieldKeys());
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value))
            .Build();
        return new ServiceCollection().AddLogging().AddLoyaltyFunctions(configuration).BuildServiceProvider();
    }

    private static string[] StartupFailures(ServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
    }

    [Fact]
    public async Task Without_a_phone_hash_key_the_app_does_not_start_even_on_local_storage()
    {
        await using var services = Build(new Dictionary<string, string?>());

        var failure = Assert.Single(StartupFailures(services));

        Assert.StartsWith("'Security__PhoneHashKey' is not set.", failure, StringComparison.Ordinal);
        Assert.Contains("Key Vault secret Security--PhoneHashKey", failure, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<PhoneHashKey>());
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task A_phone_hash_key_that_is_not_base64_of_16_bytes_or_more_is_refused_at_start(string key)
    {
        await using var services = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = key });

        Assert.Equal(["'Security__PhoneHashKey' must be base64 of at least 16 random bytes."], StartupFailures(services));
    }

    [Fact]
    public async Task Without_field_keys_the_app_does_not_start()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = TestSecrets.NewPhoneHashKey(), ["Security__FieldKeys"] = null });

        var failure = Assert.Single(StartupFailures(services));

        Assert.StartsWith("'Security__FieldKeys' is not set.", failure, StringComparison.Ordinal);
        Assert.Contains("Key Vault secret Security--FieldKeys", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-colon")]
    [InlineData("k1:c2hvcnQ=")]
    [InlineData("bad id!:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public async Task Field_keys_that_are_not_a_ring_of_named_32_byte_keys_are_refused_at_start(string keys)
    {
        await using var services = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = TestSecrets.NewPhoneHashKey(), ["Security__FieldKeys"] = keys });

        var failure = Assert.Single(StartupFailures(services));

        Assert.StartsWith("'Security__FieldKeys' must be 'id:base64' entries", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_phone_hash_key_is_the_one_members_are_hashed_with()
    {
        var key = TestSecrets.NewPhoneHashKey();
        await using var services = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = key });

        Assert.Empty(StartupFailures(services));
        Assert.Equal(Convert.FromBase64String(key), services.GetRequiredService<PhoneHashKey>().Key);
    }

    [Fact]
    public async Task A_bootstrap_secret_shorter_than_16_characters_is_refused_at_start_and_none_turns_the_endpoint_off()
    {
        await using var tooShort = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = TestSecrets.NewPhoneHashKey(), ["Bootstrap__Secret"] = "short-secret" });
        await using var unset = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = TestSecrets.NewPhoneHashKey() });

        Assert.Equal(["'Bootstrap__Secret' must be at least 16 characters; leave it unset to turn POST /api/v1/admin/tenants off."], StartupFailures(tooShort));
        Assert.Empty(StartupFailures(unset));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    [InlineData("366.00:00:00")]
    public async Task A_shipping_deadline_outside_its_bound_is_refused_at_start(string deadline)
    {
        await using var services = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = TestSecrets.NewPhoneHashKey(), ["Redemptions__ShippingDeadline"] = deadline });

        Assert.Equal(["'Redemptions__ShippingDeadline' must be a positive time span of at most 365 days, e.g. 14.00:00:00."], StartupFailures(services));
    }

    [Fact]
    public async Task The_shipping_deadline_defaults_to_14_days()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = TestSecrets.NewPhoneHashKey() });

        Assert.Equal(TimeSpan.FromDays(14), services.GetRequiredService<RedemptionSettings>().ShippingDeadline);
    }

    [Theory]
    [InlineData("EventFeed__RetentionDays", "0")]
    [InlineData("EventFeed__RetentionDays", "3651")]
    [InlineData("EventFeed__ReadLag", "-00:00:01")]
    [InlineData("EventFeed__ReadLag", "00:05:01")]
    public async Task An_event_feed_retention_or_read_lag_outside_its_bound_is_refused_at_start(string setting, string value)
    {
        await using var services = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = TestSecrets.NewPhoneHashKey(), [setting] = value });

        Assert.Equal(["'EventFeed__RetentionDays' must be 1-3650 days and 'EventFeed__ReadLag' a time span from 00:00:00 to 00:05:00."], StartupFailures(services));
    }

    [Fact]
    public async Task The_event_feed_keeps_30_days_and_reads_5_seconds_behind_by_default()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = TestSecrets.NewPhoneHashKey() });

        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Loyalty.Infrastructure.Tables.EventFeedOptions>>().Value;
        Assert.Equal((30, TimeSpan.FromSeconds(5)), (options.RetentionDays, options.ReadLag));
    }

    [Theory]
    [InlineData("Redrive__After", "00:00:30", "'Redrive__After' must be a time span from 00:01:00 to 1.00:00:00, e.g. 00:05:00.")]
    [InlineData("Redrive__After", "2.00:00:00", "'Redrive__After' must be a time span from 00:01:00 to 1.00:00:00, e.g. 00:05:00.")]
    [InlineData("Redrive__MaxRedrives", "0", "'Redrive__MaxRedrives' must be 1 to 10.")]
    [InlineData("Redrive__MaxPerRun", "5001", "'Redrive__MaxPerRun' must be 1 to 5000.")]
    public async Task A_redrive_setting_outside_its_bound_is_refused_at_start(string setting, string value, string failure)
    {
        await using var services = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = TestSecrets.NewPhoneHashKey(), [setting] = value });

        Assert.Equal([failure], StartupFailures(services));
    }

    [Fact]
    public async Task Queued_work_is_redriven_after_5_minutes_3_times_at_most_200_rows_a_run_by_default()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Security__PhoneHashKey"] = TestSecrets.NewPhoneHashKey() });

        Assert.Equal(new RedriveSettings(TimeSpan.FromMinutes(5), 3, 200), services.GetRequiredService<RedriveSettings>());
    }
}
