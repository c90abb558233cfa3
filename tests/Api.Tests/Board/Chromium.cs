using Microsoft.Playwright;

namespace Helpdesk.Api.Tests.Board;

/// <summary>Headless Chromium from Debian's package, driven by Playwright, shared by the browser tests of a class.</summary>
/// <remarks>Never a downloaded browser: <c>/usr/bin/chromium</c>, or the one <c>HELPDESK_CHROMIUM</c> names.</remarks>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>How long a test waits for a page to show something before it fails, unless it says otherwise: on a busy machine Chromium shares the cores with the silos it drives.</summary>
    public const float Patience = 15_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser; each test opens its own context.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("HELPDESK_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. It comes from the Debian package `chromium`: run ./test.sh, which installs it, or `apt-get install chromium`, or name another with HELPDESK_CHROMIUM.");
        }

        Assertions.SetDefaultExpectTimeout(Patience);
        _playwright = await Playwright.CreateAsync();
        // The sandbox needs user namespaces, which a root user in a container does not have; the pages are our own.
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = path, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
