using Orleans.Concurrency;

namespace Helpdesk.Grains.Board;

/// <summary>The supervisors' board: every department's tile and every operator's row, as they change; one per center, key <see cref="Center"/>.</summary>
[Alias("helpdesk.IBoardGrain")]
public interface IBoardGrain : IGrainWithStringKey
{
    /// <summary>The key of the center's board.</summary>
    const string Center = "center";

    /// <summary>Puts a department's tile up, in place of the one before.</summary>
    [OneWay]
    [Alias("DepartmentChangedAsync")]
    Task DepartmentChangedAsync(BoardDepartment department);

    /// <summary>Puts an operator's row up, in place of the one before.</summary>
    [OneWay]
    [Alias("OperatorChangedAsync")]
    Task OperatorChangedAsync(BoardOperator row);

    /// <summary>
    /// The tiles and rows changed after <paramref name="after"/>, or the whole board when that version is older than this
    /// board (0 for a reader who has none); when nothing changed, waits up to <paramref name="wait"/> for a change, and
    /// answers <see langword="null"/> if none came.
    /// </summary>
    [AlwaysInterleave]
    [Alias("WatchAsync")]
    Task<BoardView?> WatchAsync(long after, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>Each department's figures minute by minute, those taken after <paramref name="since"/>.</summary>
    [AlwaysInterleave]
    [Alias("TrendsAsync")]
    Task<BoardTrends> TrendsAsync(DateTimeOffset since);
}
