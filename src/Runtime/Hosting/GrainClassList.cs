namespace Helpdesk.Runtime.Hosting;

/// <summary>The grain classes registered with <see cref="GrainRuntimeBuilder.AddGrains"/>.</summary>
public sealed class GrainClassList
{
    internal List<Type> Types { get; } = [];
}
