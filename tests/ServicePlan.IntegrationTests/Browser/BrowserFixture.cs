using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePlan.Demo;
using ServicePlan.IntegrationTests.Infrastructure;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>
/// The real app on Kestrel (loopback, a free port) and Debian's Chromium driven by Playwright.
/// Playwright's own browser download is never used: the test command installs /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : ServicePlanAppFixture
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    protected override bool UseKestrel => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: run ./test.sh, which installs it (apt-get install chromium).");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine has no network beyond loopback: stop Chromium reaching for Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Runs axe-core on the page as it is now and fails with every violation and where it is.</summary>
    public static async Task AssertNoAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var problems = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"{page.Url}:\n" + string.Join("\n", problems));
    }

    /// <summary>A fresh browser context (its own cookies) signed in as the demo user of this role.</summary>
    /// <param name="bypassCsp">Ignore the app's Content-Security-Policy, so a test shows escaping alone keeps stored script inert.</param>
    public async Task<IPage> SignedInPageAsync(string role, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 }, BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(TestClient.EmailOf(role));
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/plans");
        return page;
    }
}
