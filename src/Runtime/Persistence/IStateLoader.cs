namespace Helpdesk.Runtime.Persistence;

/// <summary>Reads a grain's state before activation.</summary>
internal interface IStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken = default);
}
