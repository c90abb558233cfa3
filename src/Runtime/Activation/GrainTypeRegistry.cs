using System.Collections.Frozen;
using System.Reflection;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Invocation;
using Helpdesk.Runtime.Reminders;

namespace Helpdesk.Runtime.Activation;

/// <summary>Every grain class the silo can activate, by type name and by grain interface.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly FrozenDictionary<string, GrainClass> _byName;
    private readonly FrozenDictionary<Type, GrainClass> _byInterface;

    public GrainTypeRegistry(IEnumerable<Type> grainClasses)
    {
        var classes = grainClasses.Distinct().Select(type => new GrainClass(type)).ToList();
        _byName = classes.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);

        foreach (var grainInterface in classes.SelectMany(grainClass => grainClass.Type.GetInterfaces().Where(IsGrainInterface)).Distinct().Append(typeof(IRemindable)))
        {
            GrainMethod.Register(grainInterface);
        }

        // An interface implemented by several classes (IRemindable, say) names no single grain type.
        _byInterface = classes
            .SelectMany(grainClass => grainClass.Type.GetInterfaces().Where(IsGrainInterface), (grainClass, grainInterface) => (grainInterface, grainClass))
            .GroupBy(pair => pair.grainInterface, pair => pair.grainClass)
            .Where(implementations => implementations.Count() == 1)
            .ToFrozenDictionary(implementations => implementations.Key, implementations => implementations.Single());
    }

    public IEnumerable<GrainClass> Classes => _byName.Values;

    /// <summary>The grain classes in <paramref name="assembly"/>: concrete subclasses of <see cref="Grain"/> with a grain interface.</summary>
    public static IEnumerable<Type> Discover(Assembly assembly) =>
        assembly.GetTypes().Where(type =>
            type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
            && typeof(Grain).IsAssignableFrom(type)
            && type.GetInterfaces().Any(IsGrainInterface));

    public GrainClass ClassOf(string typeName) =>
        _byName.TryGetValue(typeName, out var grainClass)
            ? grainClass
            : throw new UnknownGrainTypeException($"No grain class is registered with type name '{typeName}'. Register its assembly with AddGrains().");

    public string TypeNameOf(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var grainClass)
            ? grainClass.Name
            : throw new UnknownGrainTypeException($"No single grain class implements {grainInterface.Name}. Register the assembly that implements it with AddGrains(), and implement each grain interface in one class only.");

    private static bool IsGrainInterface(Type type) =>
        type.IsInterface && typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain) && type != typeof(IGrainWithStringKey);
}
