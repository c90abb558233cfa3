using Helpdesk.LoadGenerator;
using Helpdesk.LoadGenerator.Reporting;

namespace Helpdesk.Benchmarks.Boards;

/// <summary>The wallboard open in headless Chromium at 1920 × 1080, and how long its updates take to render.</summary>
internal sealed class BrowserBoard : IAsyncDisposable
{
    private readonly WallboardWindow _window;

    private BrowserBoard(WallboardWindow window) => _window = window;

    /// <summary>Opens the board of <paramref name="server"/> and signs in with <paramref name="key"/>.</summary>
    public static async Task<BrowserBoard> OpenAsync(Uri server, string key)
    {
        try
        {
            return new BrowserBoard(await WallboardWindow.OpenAsync(server, key, 1920, 1080));
        }
        catch (LoadRunException exception)
        {
            throw new BenchmarkException(exception.Message, exception);
        }
    }

    /// <summary>Forgets the updates rendered so far, and starts noting every animation frame longer than 50 ms (script, style, layout and paint).</summary>
    public Task StartMeasuringAsync() => _window.Page.EvaluateAsync("""
        () => {
          performance.clearMeasures('board-render');
          window.longFrames = [];
          new PerformanceObserver(list => window.longFrames.push(...list.getEntries().map(frame => frame.duration))).observe({ type: 'long-animation-frame' });
        }
        """);

    /// <summary>How long each update since <see cref="StartMeasuringAsync"/> took to apply and render, in milliseconds, and the long animation frames.</summary>
    public async Task<(double[] Renders, double[] LongFrames)> MeasuredAsync() =>
        (await _window.Page.EvaluateAsync<double[]>("() => performance.getEntriesByName('board-render').map(entry => entry.duration)"),
         await _window.Page.EvaluateAsync<double[]>("() => window.longFrames"));

    public ValueTask DisposeAsync() => _window.DisposeAsync();
}
