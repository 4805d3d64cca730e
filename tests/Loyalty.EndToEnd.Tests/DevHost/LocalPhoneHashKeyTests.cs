using Loyalty.Core.Members;
using Loyalty.DevHost;
using Loyalty.DevHost.Settings;
using Loyalty.Infrastructure.Security;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.EndToEnd.Tests.DevHost;

/// <summary>The app has no development key: the dev host run by run.sh generates one into its state folder and keeps it.</summary>
public sealed class LocalPhoneHashKeyTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "loyalty-state-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_stateDirectory, recursive: true);

    private Microsoft.AspNetCore.Builder.WebApplication Create(bool keep, string? configuredKey = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = "UseDevelopmentStorage=true",
            ["AccrualQueueName"] = "accrual-under-test",
            [StateDirectory.SettingKey] = _stateDirectory,
        };
        if (configuredKey is not null)
        {
            settings[LocalPhoneHashKey.SettingKey] = configuredKey;
        }

        Directory.CreateDirectory(_stateDirectory);
        return DevHostApplication.Create(new DevHostOptions { LoadLocalSettings = false, Settings = settings, KeepLocalPhoneHashKey = keep });
    }

    private string KeyFile => Path.Combine(_stateDirectory, LocalPhoneHashKey.FileName);

    [Fact]
    public async Task The_first_start_generates_a_key_into_the_state_folder_and_later_starts_reuse_it()
    {
        byte[] first;
        await using (var app = Create(keep: true))
        {
            first = app.Services.GetRequiredService<PhoneHashKey>().Key;
        }

        await using var again = Create(keep: true);

        Assert.Equal(32, first.Length);
        Assert.Equal(Convert.ToBase64String(first), File.ReadAllText(KeyFile));
        Assert.Equal(first, again.Services.GetRequiredService<PhoneHashKey>().Key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }
    }

    [Fact]
    public async Task The_first_start_generates_a_field_key_ring_that_later_starts_decrypt_with()
    {
        string sealedName;
        await using (var app = Create(keep: true))
        {
            sealedName = app.Services.GetRequiredService<FieldCipher>().Encrypt("王小明", "row\nName");
        }

        var ring = File.ReadAllText(Path.Combine(_stateDirectory, LocalFieldKeys.FileName));
        await using var again = Create(keep: true);

        Assert.StartsWith("local-1:", ring, StringComparison.Ordinal);
        Assert.Equal("王小明", again.Services.GetRequiredService<FieldCipher>().Decrypt("local-1", sealedName, "row\nName"));
    }

    [Fact]
    public async Task A_configured_key_wins_and_nothing_is_generated()
    {
        var configured = TestSecrets.NewPhoneHashKey();

        await using var app = Create(keep: true, configured);

        Assert.Equal(Convert.FromBase64String(configured), app.Services.GetRequiredService<PhoneHashKey>().Key);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public async Task Without_a_key_or_permission_to_generate_one_the_host_does_not_start()
    {
        await using var app = Create(keep: false);

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("'Security__PhoneHashKey' is not set.", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void A_damaged_key_file_is_reported_with_its_path_rather_than_replaced()
    {
        Directory.CreateDirectory(_stateDirectory);
        File.WriteAllText(KeyFile, "not a key");

        var error = Assert.Throws<InvalidOperationException>(() => Create(keep: true));

        Assert.Contains(KeyFile, error.Message, StringComparison.Ordinal);
        Assert.Equal("not a key", File.ReadAllText(KeyFile));
    }
}
