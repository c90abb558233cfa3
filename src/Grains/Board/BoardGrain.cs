using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Directory;
using Helpdesk.Grains.Operators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Grains.Board;

/// <summary>Keeps the board's tiles and rows as departments and operators put them up, and each department's trend.</summary>
/// <remarks>
/// Departments and operators push their own tile and row whenever they change (a department at most four times a second),
/// so a reader never fans out. Each change gets the next version; a reader asks for the changes after the last version
/// it saw and waits for them. Versions start from the clock (milliseconds × 1000), so a reader of an earlier activation
/// gets the whole board again. Once a minute each department's figures are added to its trend, which is stored.
/// </remarks>
[GrainType("board")]
internal sealed class BoardGrain(
    [PersistentState("board")] IPersistentState<BoardState> state,
    BalancerPolicy balancer,
    IHostApplicationLifetime host,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IBoardGrain
{
    /// <summary>The time between two points of a trend.</summary>
    internal static readonly TimeSpan TrendInterval = TimeSpan.FromMinutes(1);

    /// <summary>How far back trends go.</summary>
    internal static readonly TimeSpan TrendKept = TimeSpan.FromHours(4);

    private readonly Dictionary<string, BoardDepartment> _departments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BoardOperator> _operators = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    private long _first;
    private long _version;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _first = _version = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        this.RegisterGrainTimer(_ => AskEveryoneAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        this.RegisterGrainTimer(_ => SampleAsync(), new GrainTimerCreationOptions(TrendInterval, TrendInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task DepartmentChangedAsync(BoardDepartment department)
    {
        ArgumentNullException.ThrowIfNull(department);
        _departments[department.Id] = department with { Alarm = DepartmentAlarm.Of(department.Load, balancer.TargetServiceLevel), Version = ++_version };
        Signal();
        return Task.CompletedTask;
    }

    public Task OperatorChangedAsync(BoardOperator row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _operators[row.Id] = row with { Version = ++_version };
        Signal();
        return Task.CompletedTask;
    }

    public async Task<BoardView?> WatchAsync(long after, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        if (wait > TimeSpan.Zero && after == _version)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, host.ApplicationStopping);
            await Task.WhenAny(_changed.Task, Task.Delay(wait, time, waiting.Token));
            await waiting.CancelAsync();
        }

        return View(after);
    }

    public Task<BoardTrends> TrendsAsync(DateTimeOffset since) =>
        Task.FromResult(new BoardTrends(
            (int)TrendInterval.TotalSeconds,
            [.. state.State.Trends.OrderBy(trend => trend.Key, StringComparer.Ordinal)
                .Select(trend => new DepartmentTrend(trend.Key, [.. trend.Value.Where(point => point.At > since)]))]));

    /// <summary>
    /// The board after <paramref name="after"/>: what changed since, if anything; whole when the reader's version is not
    /// one of this activation's (older, or from a silo whose clock ran ahead).
    /// </summary>
    private BoardView? View(long after)
    {
        var full = after < _first || after > _version;
        if (after == _version)
        {
            return null;
        }

        return new BoardView(
            _version,
            full,
            balancer.TargetServiceLevel,
            [.. _departments.Values.Where(tile => full || tile.Version > after).OrderBy(tile => tile.Id, StringComparer.Ordinal)],
            [.. _operators.Values.Where(row => full || row.Version > after).OrderBy(row => row.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Asks every department and operator to put their tile or row up, as a new activation knows none.</summary>
    private async Task AskEveryoneAsync()
    {
        foreach (var department in await GrainFactory.GetGrain<IDirectoryGrain>(IDirectoryGrain.Departments).ListAsync())
        {
            _ = GrainFactory.GetGrain<IDepartmentGrain>(department).ShowOnBoardAsync();
        }

        foreach (var operatorId in await GrainFactory.GetGrain<IDirectoryGrain>(IDirectoryGrain.Operators).ListAsync())
        {
            _ = GrainFactory.GetGrain<IOperatorGrain>(operatorId).ShowOnBoardAsync();
        }
    }

    /// <summary>Adds each department's figures to its trend, drops the points older than <see cref="TrendKept"/>, and stores the trends.</summary>
    private async Task SampleAsync()
    {
        var now = time.GetUtcNow();
        foreach (var tile in _departments.Values.Where(tile => tile.RetiredAt is null))
        {
            if (!state.State.Trends.TryGetValue(tile.Id, out var points))
            {
                state.State.Trends[tile.Id] = points = [];
            }

            points.Add(new TrendPoint(now, tile.Load.ServiceLevel, tile.Load.QueueLength, tile.Load.ArrivalsPerMinute));
        }

        foreach (var points in state.State.Trends.Values)
        {
            points.RemoveAll(point => point.At < now - TrendKept);
        }

        await state.WriteStateAsync();
    }

    private void Signal()
    {
        var signal = _changed;
        _changed = NewSignal();
        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
