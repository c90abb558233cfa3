using Helpdesk.Runtime.Activation;

namespace Helpdesk.Runtime.Persistence;

/// <summary>Makes the <see cref="PersistentState{TState}"/> behind a constructor parameter of type <see cref="IPersistentState{TState}"/>.</summary>
internal static class PersistentStateFactory
{
    public static IStateLoader Create(Type parameterType, GrainActivation activation, string stateName)
    {
        var grainId = activation.Id;
        if (!parameterType.IsGenericType || parameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException($"A [PersistentState] parameter of {grainId.Type} must be IPersistentState<T>, not {parameterType.Name}.");
        }

        var stateType = parameterType.GetGenericArguments()[0];
        if (stateType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"State type {stateType.Name} of {grainId.Type} needs a public parameterless constructor.");
        }

        var concrete = typeof(PersistentState<>).MakeGenericType(stateType);
        var runtime = activation.Runtime;
        return (IStateLoader)Activator.CreateInstance(concrete, grainId, stateName, activation.Fence, runtime.Storage, runtime.Json, runtime.Instruments)!;
    }
}
