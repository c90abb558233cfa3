namespace Helpdesk.LoadGenerator.Options;

/// <summary>Where the silos the generator starts keep grain state.</summary>
internal enum Storage
{
    /// <summary>In the silo's memory: one silo only, since silos share state through the database.</summary>
    Memory,

    /// <summary>In a throwaway PostgreSQL server (or the loopback server named by <c>HELPDESK_POSTGRES</c>).</summary>
    PostgreSql,
}
