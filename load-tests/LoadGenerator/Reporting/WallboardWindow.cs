using Microsoft.Playwright;

namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>A silo's wallboard in headless Chromium from Debian's package (never a downloaded browser), signed in and live.</summary>
internal sealed class WallboardWindow : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private WallboardWindow(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Opens the board of <paramref name="silo"/> in a window of <paramref name="width"/> × <paramref name="height"/>, signs in with <paramref name="key"/> and waits until it is live.</summary>
    public static async Task<WallboardWindow> OpenAsync(Uri silo, string key, int width, int height)
    {
        var chromium = Environment.GetEnvironmentVariable("HELPDESK_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new LoadRunException($"The wallboard is opened in Chromium, not found at {chromium}: `apt-get install chromium`, or name another with HELPDESK_CHROMIUM.");
        }

        var playwright = await Playwright.CreateAsync();
        // The sandbox needs user namespaces, which a root user in a container does not have; the pages are our own.
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(silo.ToString());
        await page.Locator("#sign-in-key").FillAsync(key);
        await page.Locator("#sign-in-key").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("live");
        return new WallboardWindow(playwright, browser, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
