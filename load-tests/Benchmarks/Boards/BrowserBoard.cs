using Microsoft.Playwright;

namespace Helpdesk.Benchmarks.Boards;

/// <summary>The wallboard open in headless Chromium from Debian's package, signed in and live, and how long its updates take to render.</summary>
internal sealed class BrowserBoard : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;

    private BrowserBoard(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        _page = page;
    }

    /// <summary>Opens the board of <paramref name="server"/> in a 1920 × 1080 window and signs in with <paramref name="key"/>.</summary>
    public static async Task<BrowserBoard> OpenAsync(Uri server, string key)
    {
        var path = Environment.GetEnvironmentVariable("HELPDESK_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new BenchmarkException($"Chromium was not found at {path}: `apt-get install chromium`, or name another with HELPDESK_CHROMIUM.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = path, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(server.ToString());
        await page.Locator("#sign-in-key").FillAsync(key);
        await page.Locator("#sign-in-key").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("live", new() { Timeout = 60_000 });
        return new BrowserBoard(playwright, browser, page);
    }

    /// <summary>Forgets the updates rendered so far, and starts noting every animation frame longer than 50 ms (script, style, layout and paint).</summary>
    public Task StartMeasuringAsync() => _page.EvaluateAsync("""
        () => {
          performance.clearMeasures('board-render');
          window.longFrames = [];
          new PerformanceObserver(list => window.longFrames.push(...list.getEntries().map(frame => frame.duration))).observe({ type: 'long-animation-frame' });
        }
        """);

    /// <summary>How long each update since <see cref="StartMeasuringAsync"/> took to apply and render, in milliseconds, and the long animation frames.</summary>
    public async Task<(double[] Renders, double[] LongFrames)> MeasuredAsync() =>
        (await _page.EvaluateAsync<double[]>("() => performance.getEntriesByName('board-render').map(entry => entry.duration)"),
         await _page.EvaluateAsync<double[]>("() => window.longFrames"));

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
