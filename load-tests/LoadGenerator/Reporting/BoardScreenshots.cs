namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>Photographs a silo's wallboard at a wall screen's size and a laptop's.</summary>
internal static class BoardScreenshots
{
    /// <summary>The window sizes photographed.</summary>
    public static readonly (int Width, int Height)[] Sizes = [(1920, 1080), (1366, 768)];

    /// <summary>Opens the board of <paramref name="silo"/> signed in with <paramref name="key"/>, waits <paramref name="after"/>, and writes one photograph per size into <paramref name="folder"/>.</summary>
    /// <returns>The files written.</returns>
    public static async Task<IReadOnlyList<string>> TakeAsync(Uri silo, string key, string folder, TimeSpan after, CancellationToken cancellationToken)
    {
        await using var window = await WallboardWindow.OpenAsync(silo, key, Sizes[0].Width, Sizes[0].Height);
        var page = window.Page;
        await Task.Delay(after, cancellationToken);
        Directory.CreateDirectory(folder);
        List<string> written = [];
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            // The next update lays the board out at the new size.
            var version = await page.EvaluateAsync<string>("() => document.body.dataset.boardVersion");
            await page.WaitForFunctionAsync("version => document.body.dataset.boardVersion !== version", version);
            var file = Path.Combine(folder, $"wallboard-{width}x{height}.png");
            await page.ScreenshotAsync(new() { Path = file });
            written.Add(file);
        }

        return written;
    }
}
