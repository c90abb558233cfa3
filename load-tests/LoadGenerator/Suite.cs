using Helpdesk.LoadGenerator.Options;

namespace Helpdesk.LoadGenerator;

/// <summary>The standard scenarios the README's figures come from: one silo in memory, one on PostgreSQL, three on PostgreSQL, and three with one killed mid-run.</summary>
internal static class Suite
{
    /// <summary>Each scenario's short name and its settings, from the suite's shared ones.</summary>
    public static IReadOnlyList<(string Name, LoadOptions Options)> Scenarios(LoadOptions shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        var run = shared with { Urls = [], Suite = false, Fault = Fault.None, FaultAt = null };
        return
        [
            ("1-silo-memory", run with { Silos = 1, Storage = Storage.Memory }),
            ("1-silo-postgres", run with { Silos = 1, Storage = Storage.PostgreSql }),
            ("3-silos-postgres", run with { Silos = 3, Storage = Storage.PostgreSql }),
            ("3-silos-postgres-kill", run with { Silos = 3, Storage = Storage.PostgreSql, Fault = Fault.Kill }),
        ];
    }
}
