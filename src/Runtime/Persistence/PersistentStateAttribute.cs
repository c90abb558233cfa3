namespace Helpdesk.Runtime.Persistence;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> to receive the grain's state by that name.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName) : Attribute
{
    /// <summary>The state's name, unique within the grain.</summary>
    public string StateName { get; } = stateName;
}
