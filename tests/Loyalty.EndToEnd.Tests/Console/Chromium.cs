using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;

namespace Loyalty.EndToEnd.Tests.Console;

/// <summary>
/// Debian's chromium and chromium-driver (.ci/run installs them). Locally, without them, the browser tests are skipped
/// with a message saying how to install them; in CI (CI set) their absence fails the tests instead.
/// </summary>
public static class Chromium
{
    public const string Browser = "/usr/bin/chromium";

    public const string Driver = "/usr/bin/chromedriver";

    private const int MinimumWindowWidth = 500;

    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string? Missing =>
        File.Exists(Browser) && File.Exists(Driver) ? null : $"{Browser} or {Driver} is missing: apt-get install -y chromium chromium-driver";

    /// <summary>Headless, at the given window size, in English, with the browser's console log kept for the test to read.</summary>
    public static ChromeDriver Start(int width, int height)
    {
        if (Missing is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=en-US",
            "--no-first-run", "--disable-extensions", "--disable-background-networking");
        if (width < MinimumWindowWidth)
        {
            // A headless window is never narrower than 500 px: a phone is emulated as a device of that viewport.
            options.EnableMobileEmulation(new ChromiumMobileEmulationDeviceSettings { UserAgent = "Mozilla/5.0 (Linux; Android 14) Mobile Chromium", Width = width, Height = height, PixelRatio = 1, EnableTouchEvents = true });
            options.AddArgument($"--window-size={MinimumWindowWidth},{height}");
        }
        else
        {
            options.AddArgument($"--window-size={width},{height}");
        }

        options.AddUserProfilePreference("intl.accept_languages", "en-US");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}

/// <summary>A test that needs the browser: skipped locally when chromium is absent, run (and failing) in CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Missing is { } missing && !Chromium.InCi)
        {
            Skip = $"No browser here ({missing}). CI installs it and runs this test.";
        }
    }
}
