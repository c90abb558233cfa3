using System.Diagnostics;
using System.Net.Http.Headers;

namespace Helpdesk.Benchmarks.Boards;

/// <summary>Open boards as the silo sees them: each a stream of <c>GET /api/board/events</c> read to the end, as a browser's <c>EventSource</c> does.</summary>
internal sealed class BoardReaders : IAsyncDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private readonly HttpClient _client;
    private readonly Task[] _readers;
    private readonly long _openedAt = Stopwatch.GetTimestamp();
    private long _events;
    private long _bytes;

    private BoardReaders(Uri server, string key, int boards)
    {
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _readers = [.. Enumerable.Range(0, boards).Select(_ => ReadAsync())];
    }

    /// <summary>Opens <paramref name="boards"/> boards on <paramref name="server"/> with <paramref name="key"/>, a supervisor's or an admin's.</summary>
    public static BoardReaders Open(Uri server, string key, int boards) => new(server, key, boards);

    /// <summary>Board events received per second by each board since they opened.</summary>
    public double EventsPerSecondEach => Interlocked.Read(ref _events) / Elapsed / _readers.Length;

    /// <summary>Kilobytes received per second by each board since they opened.</summary>
    public double KilobytesPerSecondEach => Interlocked.Read(ref _bytes) / 1_000.0 / Elapsed / _readers.Length;

    private double Elapsed => Stopwatch.GetElapsedTime(_openedAt).TotalSeconds;

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await Task.WhenAll(_readers);
        _client.Dispose();
        _closing.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            using var response = await _client.GetAsync(new Uri("/api/board/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, _closing.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchmarkException($"A board's stream answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(_closing.Token)}");
            }

            using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(_closing.Token));
            while (await lines.ReadLineAsync(_closing.Token) is { } line)
            {
                Interlocked.Add(ref _bytes, line.Length + 1);
                if (line.StartsWith("event: board", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _events);
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // Closed, as a supervisor closes the tab.
        }
    }
}
