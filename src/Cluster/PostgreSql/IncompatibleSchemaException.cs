namespace Helpdesk.Cluster.PostgreSql;

/// <summary>The schema holds migrations this silo did not write, such as the tables of Helpdesk's runtime before Orleans.</summary>
/// <param name="message">Which schema, which migrations, and what to do.</param>
public sealed class IncompatibleSchemaException(string message) : InvalidOperationException(message);
