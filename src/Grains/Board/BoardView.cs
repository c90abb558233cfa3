namespace Helpdesk.Grains.Board;

/// <summary>The board, whole or as the changes after a version.</summary>
/// <param name="Version">The board's version: a reader asks for the changes after it next.</param>
/// <param name="Full">Whether this is the whole board (replace everything) rather than the tiles and rows changed.</param>
/// <param name="ServiceLevelGoal">The share of contacts the center means to answer within each department's target.</param>
/// <param name="Departments">The departments' tiles, by id.</param>
/// <param name="Operators">The operators' rows, by id.</param>
[GenerateSerializer, Alias("helpdesk.BoardView")]
public sealed record BoardView(
    [property: Id(0)] long Version,
    [property: Id(1)] bool Full,
    [property: Id(2)] double ServiceLevelGoal,
    [property: Id(3)] IReadOnlyList<BoardDepartment> Departments,
    [property: Id(4)] IReadOnlyList<BoardOperator> Operators);
