namespace Helpdesk.Cluster.Tests.Storage;

/// <summary>The embedded default's grain storage: <c>InMemoryGrainStorage</c> with the JSON serializer.</summary>
public sealed class InMemoryGrainStorageTests : GrainStorageConformance
{
    protected override Task<string?> ConnectionStringAsync() => Task.FromResult<string?>(null);
}
