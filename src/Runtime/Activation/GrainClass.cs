using System.Reflection;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Runtime.Activation;

/// <summary>A registered grain class: its type name, its scheduling, and how to construct it.</summary>
internal sealed class GrainClass
{
    private readonly ConstructorInfo _constructor;
    private readonly ParameterInfo[] _parameters;

    public GrainClass(Type type)
    {
        Type = type;
        Name = NameOf(type);
        IsReentrant = type.IsDefined(typeof(ReentrantAttribute), inherit: false);
        var constructors = type.GetConstructors();
        _constructor = constructors.Length == 1
            ? constructors[0]
            : throw new InvalidOperationException($"Grain class {type.Name} must have exactly one public constructor; it has {constructors.Length}.");
        _parameters = _constructor.GetParameters();
    }

    public Type Type { get; }

    public string Name { get; }

    public bool IsReentrant { get; }

    public static string NameOf(Type type)
    {
        if (type.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return attribute.Name;
        }

        var name = type.Name.EndsWith("Grain", StringComparison.Ordinal) && type.Name.Length > "Grain".Length
            ? type.Name[..^"Grain".Length]
            : type.Name;
        return name.ToLowerInvariant();
    }

    /// <summary>Constructs the grain, filling constructor parameters from DI and from persistent state.</summary>
    public (Grain Grain, IReadOnlyList<IStateLoader> States) Create(GrainRuntime runtime, GrainActivation activation)
    {
        var arguments = new object?[_parameters.Length];
        List<IStateLoader> states = [];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } stateAttribute)
            {
                var state = PersistentStateFactory.Create(parameter.ParameterType, activation, stateAttribute.StateName);
                states.Add(state);
                arguments[i] = state;
            }
            else
            {
                arguments[i] = parameter.ParameterType == typeof(IGrainFactory)
                    ? runtime
                    : runtime.Services.GetRequiredService(parameter.ParameterType);
            }
        }

        return ((Grain)_constructor.Invoke(arguments), states);
    }
}
