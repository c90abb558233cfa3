namespace Helpdesk.Runtime.Core;

/// <summary>Marks an interface as a grain interface: every method returns <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
public interface IGrain;

/// <summary>A grain interface whose grains are identified by a string key.</summary>
public interface IGrainWithStringKey : IGrain;
