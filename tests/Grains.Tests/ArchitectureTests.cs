using System.Reflection;
using Helpdesk.Api.Hosting;
using Helpdesk.Cluster.Hosting;
using Helpdesk.Grains.Hosting;
using Helpdesk.Silo.Hosting;

namespace Helpdesk.Grains.Tests;

/// <summary>Dependencies point one way: Silo → Api → Grains → Orleans, and Silo → Cluster → Orleans; pure rules know no Orleans.</summary>
public sealed class ArchitectureTests
{
    public static TheoryData<string, string[]> Layers => new()
    {
        { "Helpdesk.Cluster", [] },
        { "Helpdesk.Grains", [] },
        { "Helpdesk.Api", ["Helpdesk.Grains"] },
        { "Helpdesk.Silo", ["Helpdesk.Api", "Helpdesk.Cluster", "Helpdesk.Grains"] },
    };

    /// <summary>The folders of pure rules: no grain, no storage, no HTTP.</summary>
    public static TheoryData<string> PureFolders => new() { "Routing", "Karma", "Sla", "Balancing", "Reports", "Broadcasts", "Tickets", "Contacts", "Departments", "Operators", "Customers" };

    [Theory]
    [MemberData(nameof(Layers))]
    public void EachProjectReferencesOnlyTheLayersBelowIt(string assembly, string[] allowed)
    {
        var referenced = Load(assembly).GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("Helpdesk.", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Subset(allowed.ToHashSet(), referenced);
    }

    /// <summary>
    /// A rule, record or enum of the domain uses no Orleans, Npgsql or ASP.NET type in what it is made of or calls with:
    /// Orleans appears only as the serialization attributes that describe a record's wire form, and in grains.
    /// </summary>
    [Theory]
    [MemberData(nameof(PureFolders))]
    public void DomainTypesOutsideGrainsKnowNoOrleansNorStorageNorHttp(string folder)
    {
        var offenders = typeof(GrainsHostingExtensions).Assembly.GetTypes()
            .Where(type => type.Namespace == $"Helpdesk.Grains.{folder}" && !IsGrain(type) && !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .SelectMany(type => TypesUsedBy(type).Where(IsInfrastructure).Select(used => $"{type.Name} uses {used.FullName}"))
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    private static bool IsGrain(Type type) =>
        typeof(IGrain).IsAssignableFrom(type) || typeof(Grain).IsAssignableFrom(type);

    private static bool IsInfrastructure(Type type) =>
        type.Assembly.GetName().Name is { } name
        && (name.StartsWith("Orleans", StringComparison.Ordinal) || name.StartsWith("Npgsql", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> used =
        [
            .. type.BaseType is { } baseType ? [baseType] : Array.Empty<Type>(),
            .. type.GetInterfaces(),
            .. type.GetFields(all).Select(field => field.FieldType),
            .. type.GetProperties(all).Select(property => property.PropertyType),
            .. type.GetMethods(all).SelectMany(method => method.GetParameters().Select(parameter => parameter.ParameterType).Append(method.ReturnType)),
            .. type.GetConstructors(all).SelectMany(constructor => constructor.GetParameters().Select(parameter => parameter.ParameterType)),
        ];
        return used.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.HasElementType ? Unwrap(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Prepend(type.GetGenericTypeDefinition())
        : [type];

    private static Assembly Load(string name) => name switch
    {
        "Helpdesk.Cluster" => typeof(ClusterHostingExtensions).Assembly,
        "Helpdesk.Grains" => typeof(GrainsHostingExtensions).Assembly,
        "Helpdesk.Api" => typeof(ApiHostingExtensions).Assembly,
        "Helpdesk.Silo" => typeof(SiloApplication).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a Helpdesk project."),
    };
}
