using System.Globalization;
using System.Text.Json.Nodes;
using Loyalty.EndToEnd.Tests.Hosting;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Loyalty.EndToEnd.Tests.Console;

/// <summary>
/// The merchant console in a real headless Chromium against the dev host: sign-in, a wrong key, a member adjusted, a
/// programme saved with an error, the expiry chart drawn, at a laptop's and a phone's width. Each page's screenshot is
/// saved under the test results (<see cref="Screenshots"/>).
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleBrowserTests.Shop shop) : IClassFixture<ConsoleBrowserTests.Shop>
{
    public sealed class Shop : ApiFixture
    {
        private readonly Lazy<Task> _seeded;
        private TestTenant? _tenant;

        public Shop() => _seeded = new(SeedAsync);

        public TestTenant Tenant => _tenant ?? throw new InvalidOperationException("Call ReadyAsync first.");

        public string MemberId { get; } = $"m-{Guid.NewGuid():N}"[..14];

        /// <summary>A tenant with a member holding 300 points and a gift, made once for the class.</summary>
        public Task ReadyAsync() => _seeded.Value;

        private async Task SeedAsync()
        {
            var tenant = await CreateTenantAsync("console");
            var pos = new ApiClient(Client, tenant.PosKey);
            var admin = new ApiClient(Client, tenant.AdminKey);
            using var registered = await pos.PostAsync("api/v1/members", new { memberId = MemberId, name = "Li Lei", phone = "13812340000" });
            await Json.ReadAsync(registered, 201);
            // Limited-time points: a lot that expires inside the forecast, so the clearing chart has a bar to draw.
            var expiresAt = DateTimeOffset.UtcNow.AddDays(20).ToString("O", CultureInfo.InvariantCulture);
            using var adjusted = await admin.PostAsync($"api/v1/members/{MemberId}/adjustments", new { delta = 300, reason = "welcome", expiresAt }, "seed-1");
            await Json.ReadAsync(adjusted, 201);
            using var gift = await admin.PutAsync("api/v1/gifts/mug", new { name = "Tea mug", kind = "physical", pointsPrice = 800 });
            Assert.True((int)gift.StatusCode is 200 or 201, await gift.Content.ReadAsStringAsync());
            using var stocked = await admin.PostAsync("api/v1/gifts/mug/stock", new { delta = 12 }, "seed-stock");
            await Json.ReadAsync(stocked, 200);
            _tenant = tenant;
        }
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private string ConsoleUrl => new Uri(shop.Server.BaseAddress, "api/console/").ToString();

    /// <summary>$LOYALTY_TEST_RESULTS/console-screenshots (scripts/test.sh sets it to its results directory), else beside the test binaries.</summary>
    public static string Screenshots
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("LOYALTY_TEST_RESULTS") is { Length: > 0 } results ? results : AppContext.BaseDirectory;
            return Directory.CreateDirectory(Path.Combine(root, "console-screenshots")).FullName;
        }
    }

    private static void Save(ChromeDriver browser, string name) =>
        browser.GetScreenshot().SaveAsFile(Path.Combine(Screenshots, name + ".png"));

    /// <summary>A wait that looks again when the page re-rendered the element it had just found (a stale reference).</summary>
    private static WebDriverWait Waiting(ChromeDriver browser)
    {
        var wait = new WebDriverWait(browser, Wait);
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }

    private static IWebElement Visible(ChromeDriver browser, By by) =>
        Waiting(browser).Until(d => d.FindElements(by).FirstOrDefault(e => e.Displayed));

    /// <summary>Clicks the visible element, finding it again if the page re-rendered it between finding and clicking.</summary>
    private static void Click(ChromeDriver browser, By by) =>
        Waiting(browser).Until(d =>
        {
            Visible(browser, by).Click();
            return true;
        });

    private static void Until(ChromeDriver browser, Func<IWebDriver, bool> condition, string what)
    {
        try
        {
            Waiting(browser).Until(condition);
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"{what} did not happen within {Wait.TotalSeconds} s; the page shows: {browser.FindElement(By.TagName("body")).Text}");
        }
    }

    private void SignIn(ChromeDriver browser, string key)
    {
        browser.Navigate().GoToUrl(ConsoleUrl);
        var input = Visible(browser, By.Id("api-key"));
        input.Clear();
        input.SendKeys(key);
        Click(browser, By.Id("sign-in"));
    }

    /// <summary>A browser signed in with the tenant's admin key, on <paramref name="page"/>.</summary>
    private async Task<ChromeDriver> SignedInAsync(string page, int width = 1280, int height = 900)
    {
        await shop.ReadyAsync();
        var browser = Chromium.Start(width, height);
        try
        {
            SignIn(browser, shop.Tenant.AdminKey);
            Click(browser, By.Id($"nav-{page}"));
            Visible(browser, By.Id($"page-{page}"));
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    private static void Type(IWebElement input, string text)
    {
        input.Clear();
        input.SendKeys(text);
    }

    /// <summary>Errors the page logged (a refused script or style under the CSP among them); the API's own 4xx answers are expected and left out.</summary>
    private static List<string> PageErrors(ChromeDriver browser) =>
        [.. browser.Manage().Logs.GetLog(LogType.Browser)
            .Where(e => e.Level >= LogLevel.Severe && !e.Message.Contains("the server responded with a status of 4", StringComparison.Ordinal))
            .Select(e => e.Message)];

    [BrowserFact]
    public async Task A_wrong_key_is_refused_with_a_clear_message_and_is_not_kept()
    {
        await shop.ReadyAsync();
        using var browser = Chromium.Start(1280, 900);

        SignIn(browser, "lfk_not-a-real-key-0123456789");

        var message = Visible(browser, By.Id("login-error"));
        Assert.Contains("This key was not accepted", message.Text, StringComparison.Ordinal);
        Assert.Null(browser.ExecuteScript("return sessionStorage.getItem('loyalty.console.apiKey')"));
        Assert.DoesNotContain("lfk_", browser.Url, StringComparison.Ordinal);
        Save(browser, "sign-in-wrong-key");
    }

    [BrowserFact]
    public async Task A_key_without_the_admin_scope_is_told_to_sign_in_with_an_admin_key()
    {
        await shop.ReadyAsync();
        using var browser = Chromium.Start(1280, 900);

        SignIn(browser, shop.Tenant.PosKey);

        // A POS key may read the program, so it signs in; the member list is for admins only.
        Visible(browser, By.Id("page-members"));
        Until(browser, d => d.FindElement(By.Id("page-members")).Text.Contains("Sign in with an admin key", StringComparison.Ordinal), "the scope message");
        Save(browser, "members-pos-key");
    }

    [BrowserFact]
    public async Task An_admin_adjusts_a_member_and_sees_the_new_balance()
    {
        using var browser = await SignedInAsync("members");
        Assert.DoesNotContain(shop.Tenant.AdminKey, browser.Url, StringComparison.Ordinal);

        Type(Visible(browser, By.Id("member-query")), shop.MemberId);
        Click(browser, By.CssSelector("#member-lookup button[type=submit]"));
        Until(browser, d => d.FindElements(By.Id("member-balance")).FirstOrDefault()?.Text == "300", "the member's balance of 300");
        Assert.Contains("welcome", Visible(browser, By.Id("member-lots")).Text + browser.FindElement(By.TagName("body")).Text, StringComparison.Ordinal);

        Type(browser.FindElement(By.Id("adjust-delta")), "50");
        Type(browser.FindElement(By.Id("adjust-reason")), "Console test bonus");
        Click(browser, By.CssSelector("#adjust button[type=submit]"));

        Until(browser, d => d.FindElements(By.Id("member-balance")).FirstOrDefault()?.Text == "350", "the new balance of 350");
        Assert.Contains("350", Visible(browser, By.CssSelector("#action-status .message.ok")).Text, StringComparison.Ordinal);
        Until(browser, d => d.FindElement(By.TagName("body")).Text.Contains("Console test bonus", StringComparison.Ordinal), "the adjustment in the points flow");
        Save(browser, "members");
        Assert.Empty(PageErrors(browser));
    }

    [BrowserFact]
    public async Task A_programme_saved_with_an_error_shows_it_at_the_field()
    {
        using var browser = await SignedInAsync("programme");
        Until(browser, d => d.FindElement(By.Id("programme-json")).GetAttribute("value")?.Contains("earning", StringComparison.Ordinal) == true, "the rules loaded");
        Until(browser, d => d.FindElements(By.CssSelector("#programme-terms section")).Count > 0, "the member terms");

        var rate = browser.FindElement(By.Id("rule-earning-baseRatePer"));
        Type(rate, "0");
        Click(browser, By.Id("rule-earning-returnWindowDays"));
        Click(browser, By.Id("programme-save"));

        var error = Visible(browser, By.CssSelector("[data-error-for='earning.baseRatePer']"));
        Assert.Contains("baseRatePer", error.Text, StringComparison.Ordinal);
        Assert.Equal("true", rate.GetAttribute("aria-invalid"));
        Save(browser, "programme-field-error");
        Assert.Empty(PageErrors(browser));
    }

    [BrowserFact]
    public async Task The_clearing_page_draws_the_expiry_forecast_chart()
    {
        using var browser = await SignedInAsync("clearing");
        Until(browser, d => d.FindElements(By.CssSelector("#forecast-chart[data-drawn='true'] canvas")).Count > 0, "the chart's canvas");

        // Pixels that are not transparent: the axes, labels and the bar of the seeded points.
        var painted = Convert.ToInt64(browser.ExecuteScript("""
            const canvas = document.querySelector('#forecast-chart canvas');
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
            return painted;
            """), CultureInfo.InvariantCulture);
        Assert.True(painted > 1000, $"only {painted} pixels drawn");
        Assert.Contains("300", browser.FindElement(By.Id("forecast-table")).Text, StringComparison.Ordinal);
        Save(browser, "clearing");
        Assert.Empty(PageErrors(browser));
    }

    [BrowserFact]
    public async Task Every_page_fits_a_phone_and_a_laptop_in_both_languages()
    {
        foreach (var (width, height, label) in new[] { (1280, 900, "1280"), (390, 844, "390") })
        {
            using var browser = await SignedInAsync("members", width, height);
            foreach (var page in new[] { "members", "programme", "gifts", "clearing" })
            {
                Click(browser, By.Id($"nav-{page}"));
                Visible(browser, By.Id($"page-{page}"));
                if (page == "gifts")
                {
                    Until(browser, d => d.FindElement(By.Id("page-gifts")).Text.Contains("Tea mug", StringComparison.Ordinal), "the gift in the catalog");
                }

                Thread.Sleep(300);
                var overflow = Convert.ToInt64(browser.ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"), CultureInfo.InvariantCulture);
                Assert.True(overflow <= 0, $"{page} at {width} px is {overflow} px wider than the window");
                Save(browser, $"{page}-{label}");
            }

            Click(browser, By.Id("language"));
            Until(browser, d => d.FindElement(By.Id("nav-members")).Text == "会员", "the switch to zh-CN");
            Save(browser, $"clearing-{label}-zh-CN");
            Assert.Empty(PageErrors(browser));
        }
    }
}
