namespace Helpdesk.Grains.Board;

/// <summary>What the board stores: the trends. Tiles and rows are news, put up again by their grains when the board activates.</summary>
internal sealed class BoardState
{
    /// <summary>Department id → its points, oldest first, the last <see cref="BoardGrain.TrendKept"/>.</summary>
    public Dictionary<string, List<TrendPoint>> Trends { get; set; } = new(StringComparer.Ordinal);
}
