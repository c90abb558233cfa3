namespace Helpdesk.Api.Tests.Metrics;

/// <summary>Tests that read a silo's metrics run while no other silo of the process counts anything.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
