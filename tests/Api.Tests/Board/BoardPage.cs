using Microsoft.Playwright;

namespace Helpdesk.Api.Tests.Board;

/// <summary>The wallboard open in a browser tab, signed in with a supervisor's key, and the parts of it the tests read and use.</summary>
internal sealed class BoardPage : IAsyncDisposable
{
    /// <summary>How long a test waits for the board to do something before it fails, unless it says otherwise.</summary>
    public static readonly float Patience = Chromium.Patience;

    /// <summary>How long the board may take to open, sign in and go live: Chromium's first page on a busy machine takes seconds.</summary>
    public static readonly float OpeningPatience = 60_000;

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
    /// <remarks>A board that does not go live fails with what its page logged, and is closed.</remarks>
    public static async Task<BoardPage> OpenAsync(Chromium chromium, Uri url, string key, int width = 1920, int height = 1080)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        List<string> logged = [];
        page.Console += (_, message) => logged.Add($"{message.Type}: {message.Text}");
        page.SetDefaultTimeout(Patience);
        var board = new BoardPage(context, page);
        try
        {
            await page.GotoAsync(url.ToString());
            await page.Locator("#sign-in-key").FillAsync(key);
            await page.Locator("#sign-in-key").PressAsync("Enter");
            await Assertions.Expect(board.LiveState).ToHaveTextAsync("live", new() { Timeout = OpeningPatience });
            return board;
        }
        catch (PlaywrightException exception)
        {
            await board.DisposeAsync();
            throw new PlaywrightException($"{exception.Message}{Environment.NewLine}The page logged: {string.Join(" | ", logged)}", exception);
        }
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
