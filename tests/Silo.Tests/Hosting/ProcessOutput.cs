using System.Diagnostics;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>Collects a process's output and lets a test wait for a line: a barrier on what the process says.</summary>
internal sealed class ProcessOutput
{
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    public ProcessOutput(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public async Task WaitForLineAsync(string text, TimeSpan patience)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            _waiters.Add((text, seen));
        }

        try
        {
            await seen.Task.WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The silo did not print '{text}' within {patience}. It printed:\n{string.Join('\n', Lines)}");
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource> met = [];
        lock (_lock)
        {
            _lines.Add(line);
            _waiters.RemoveAll(waiter =>
            {
                if (!line.Contains(waiter.Text, StringComparison.Ordinal))
                {
                    return false;
                }

                met.Add(waiter.Seen);
                return true;
            });
        }

        met.ForEach(seen => seen.TrySetResult());
    }
}
