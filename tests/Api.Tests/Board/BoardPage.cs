using Microsoft.Playwright;

namespace Helpdesk.Api.Tests.Board;

/// <summary>The wallboard open in a browser tab, signed in with a supervisor's key, and the parts of it the tests read and use.</summary>
internal sealed class BoardPage : IAsyncDisposable
{
    /// <summary>How long a test waits for the board to show something before it fails.</summary>
    public static readonly float Patience = 10_000;

    private readonly IBrowserContext _context;

    private BoardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>The connection state, <c>live</c> or <c>reconnecting</c>.</summary>
    public ILocator LiveState => Page.GetByTestId("live-state");

    public ILocator AlertFeed => Page.GetByTestId("alert-feed");

    /// <summary>Opens the board at <paramref name="url"/> in a window of <paramref name="width"/> × <paramref name="height"/>, signs in with <paramref name="key"/> and waits until it is live.</summary>
    public static async Task<BoardPage> OpenAsync(Chromium chromium, Uri url, string key, int width = 1920, int height = 1080)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Patience);
        await page.GotoAsync(url.ToString());
        await page.Locator("#sign-in-key").FillAsync(key);
        await page.Locator("#sign-in-key").PressAsync("Enter");
        var board = new BoardPage(context, page);
        await Assertions.Expect(board.LiveState).ToHaveTextAsync("live");
        return board;
    }

    /// <summary>Starts noting every connection state the board shows from now on, however briefly.</summary>
    public Task RecordLiveStatesAsync() => Page.EvaluateAsync("""
        () => {
          const state = document.querySelector('[data-testid="live-state"]');
          window.liveStatesSeen = [];
          new MutationObserver(() => window.liveStatesSeen.push(state.textContent)).observe(state, { childList: true, characterData: true, subtree: true });
        }
        """);

    /// <summary>The connection states shown since <see cref="RecordLiveStatesAsync"/>, in order.</summary>
    public Task<string[]> LiveStatesSeenAsync() => Page.EvaluateAsync<string[]>("() => window.liveStatesSeen");

    /// <summary>The tile of a department.</summary>
    public ILocator Tile(string department) => Page.GetByTestId($"tile-{department}");

    /// <summary>A figure of a department's tile: <c>queue</c>, <c>service-level</c>, <c>available</c>, <c>lent-in</c>…</summary>
    public ILocator TileField(string department, string field) => Tile(department).Locator($"[data-field='{field}']");

    /// <summary>An operator's row.</summary>
    public ILocator Person(string operatorId) => Page.GetByTestId($"person-{operatorId}");

    /// <summary>A cell of an operator's row: <c>presence</c>, <c>serving</c>, <c>home</c>, <c>holds</c>.</summary>
    public ILocator PersonField(string operatorId, string field) => Person(operatorId).Locator($"[data-field='{field}']");

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
