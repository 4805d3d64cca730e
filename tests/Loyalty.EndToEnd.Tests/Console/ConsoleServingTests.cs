using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Console;

/// <summary>The console's files over real HTTP through the dev host: addresses, content types, caching and security headers.</summary>
public sealed partial class ConsoleServingTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IDisposable
{
    /// <summary>SHA-256 of ECharts 6.1.0's dist/echarts.esm.min.js as the npm package ships it.</summary>
    private const string EChartsSha256 = "28515f26aa57f87eb1e4ed4eb446927eaf329b5f5e02b4bfd4b0264fea40d1da";

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.BaseAddress };

    public void Dispose() => _http.Dispose();

    private async Task<string> VersionAsync()
    {
        var index = await _http.GetStringAsync("api/console/");
        return IndexVersion().Match(index).Groups["version"].Value;
    }

    [Fact]
    public async Task The_console_address_without_a_slash_redirects_to_the_directory_so_relative_assets_resolve()
    {
        using var response = await _http.GetAsync("api/console");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/api/console/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_index_is_html_never_cached_with_a_strict_content_security_policy_and_no_inline_script_or_style()
    {
        using var response = await _http.GetAsync("api/console/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("{{version}}", html, StringComparison.Ordinal);
        Assert.Empty(Regex.Matches(html, @"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task Assets_are_served_under_the_version_with_their_content_type_and_cached_for_a_year()
    {
        var version = await VersionAsync();

        foreach (var (path, type) in new[]
        {
            ("app.js", "text/javascript; charset=utf-8"),
            ("pages/clearing.js", "text/javascript; charset=utf-8"),
            ("console.css", "text/css; charset=utf-8"),
            ("vendor/echarts/LICENSE", "text/plain; charset=utf-8"),
        })
        {
            using var response = await _http.GetAsync($"api/console/{version}/{path}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Equal(type, response.Content.Headers.ContentType?.ToString());
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task The_vendored_echarts_is_the_6_1_0_release_with_its_licence_and_notice()
    {
        var version = await VersionAsync();

        var echarts = await _http.GetByteArrayAsync($"api/console/{version}/vendor/echarts/echarts.esm.min.js");
        var notice = await _http.GetStringAsync($"api/console/{version}/vendor/echarts/NOTICE");
        var licence = await _http.GetStringAsync($"api/console/{version}/vendor/echarts/LICENSE");

        Assert.Equal(EChartsSha256, Convert.ToHexStringLower(SHA256.HashData(echarts)));
        Assert.Contains("Apache ECharts", notice, StringComparison.Ordinal);
        Assert.Contains("Apache License", licence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_holding_the_current_version_gets_304()
    {
        using var first = await _http.GetAsync("api/console/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/console/");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var again = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Theory]
    [InlineData("{version}/no-such-file.js")]
    [InlineData("000000000000/app.js")]
    [InlineData("app.js")]
    public async Task An_unknown_asset_or_an_old_version_is_a_404_problem(string path)
    {
        using var response = await _http.GetAsync($"api/console/{path.Replace("{version}", await VersionAsync(), StringComparison.Ordinal)}");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("route-not-found", problem["code"]!.GetValue<string>());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_console_takes_only_get()
    {
        using var response = await _http.PostAsync("api/console/", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [GeneratedRegex("data-version=\"(?<version>[0-9a-f]{12})\"", RegexOptions.CultureInvariant)]
    private static partial Regex IndexVersion();
}
