namespace Helpdesk.Runtime.Core;

/// <summary>Names a grain class's type explicitly; otherwise the name is the class name without its <c>Grain</c> suffix, lower-cased.</summary>
/// <remarks>The type name is stored with state and reminders, so renaming a class must keep it stable.</remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string Name { get; } = name;
}
