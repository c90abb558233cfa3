using System.Reflection;
using Helpdesk.Api.Hosting;
using Helpdesk.Grains.Hosting;
using Helpdesk.Runtime;
using Helpdesk.Silo.Hosting;

namespace Helpdesk.Grains.Tests;

/// <summary>Dependencies point one way: Silo → Api → Grains → Runtime.</summary>
public sealed class ArchitectureTests
{
    public static TheoryData<string, string[]> Layers => new()
    {
        { "Helpdesk.Runtime", [] },
        { "Helpdesk.Grains", ["Helpdesk.Runtime"] },
        { "Helpdesk.Api", ["Helpdesk.Grains", "Helpdesk.Runtime"] },
        { "Helpdesk.Silo", ["Helpdesk.Api", "Helpdesk.Grains", "Helpdesk.Runtime"] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void EachProjectReferencesOnlyTheLayersBelowIt(string assembly, string[] allowed)
    {
        var referenced = Load(assembly).GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("Helpdesk.", StringComparison.Ordinal))
            .Order();

        Assert.Subset(allowed.ToHashSet(), referenced.ToHashSet());
    }

    [Fact]
    public void RuntimeKnowsNoContactCenterTerms()
    {
        string[] domainWords = ["Operator", "Customer", "Department", "Contact", "Karma", "Ticket", "Balancer"];

        var offenders = typeof(GrainRuntime).Assembly.GetTypes()
            .Where(type => domainWords.Any(word => type.Name.Contains(word, StringComparison.Ordinal)))
            .Select(type => type.FullName);

        Assert.Empty(offenders);
    }

    private static Assembly Load(string name) => name switch
    {
        "Helpdesk.Runtime" => typeof(GrainRuntime).Assembly,
        "Helpdesk.Grains" => typeof(GrainsHostingExtensions).Assembly,
        "Helpdesk.Api" => typeof(ApiHostingExtensions).Assembly,
        "Helpdesk.Silo" => typeof(SiloApplication).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a Helpdesk project."),
    };
}
