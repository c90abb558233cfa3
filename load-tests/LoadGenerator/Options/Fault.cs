namespace Helpdesk.LoadGenerator.Options;

/// <summary>What goes wrong mid-run, on purpose: to a started silo (the last one) or to the PostgreSQL server the silos share.</summary>
internal enum Fault
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>SIGKILL: the silo dies on the spot, as in a crash.</summary>
    Kill,

    /// <summary>SIGSTOP until the others declare it dead, then SIGCONT: a silo that froze (a long GC, a stalled VM) and comes back to find itself expelled.</summary>
    Pause,

    /// <summary>SIGTERM: the silo stops gracefully, as in a rolling deployment.</summary>
    Stop,

    /// <summary>The PostgreSQL server stops (fast shutdown) and starts again a few seconds later.</summary>
    RestartDatabase,
}

/// <summary>The names of <see cref="Fault"/> on the command line.</summary>
internal static class Faults
{
    private static readonly (Fault Fault, string Name)[] Names =
    [
        (Fault.Kill, "kill"),
        (Fault.Pause, "pause"),
        (Fault.Stop, "stop"),
        (Fault.RestartDatabase, "restart-db"),
    ];

    /// <summary>Every name, for a message.</summary>
    public static string All => string.Join(", ", Names.Select(name => name.Name));

    public static string Name(this Fault fault) => Names.Single(name => name.Fault == fault).Name;

    public static Fault? Parse(string name) => Names.Where(known => known.Name == name).Select(known => (Fault?)known.Fault).FirstOrDefault();

    /// <summary>Whether it befalls a silo, which then needs another to survive it.</summary>
    public static bool HitsASilo(this Fault fault) => fault is Fault.Kill or Fault.Pause or Fault.Stop;
}
