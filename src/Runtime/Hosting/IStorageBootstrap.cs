namespace Helpdesk.Runtime.Hosting;

/// <summary>Prepares the silo's storage at start-up and tells whether it is reachable.</summary>
public interface IStorageBootstrap
{
    /// <summary>Creates or migrates whatever the storage needs before the silo serves calls.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Whether the storage answers now.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
