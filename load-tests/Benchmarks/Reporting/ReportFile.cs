using System.Runtime.InteropServices;
using System.Runtime;
using Helpdesk.LoadTests.Shared;

namespace Helpdesk.Benchmarks.Reporting;

/// <summary>Writes the report beside the project whatever the working directory: <c>load-tests/Benchmarks/reports/runtime.md</c>, or <c>routing.md</c>, <c>contacts.md</c>, <c>boards.md</c> and <c>failover.md</c> for those suites run alone.</summary>
/// <remarks>The contact-center suites keep a file each, so running one does not overwrite the runtime figures.</remarks>
internal static class ReportFile
{
    private const string ProjectFile = "Helpdesk.Benchmarks.csproj";

    public static string Write(ResultTable table, BenchmarkOptions options, IEnumerable<string> args)
    {
        var folder = Folder;
        var (file, title) = options.Only switch
        {
            Suite.Routing => ("routing.md", "Routing benchmarks"),
            Suite.Contacts => ("contacts.md", "Contact creation benchmarks"),
            Suite.Boards => ("boards.md", "Wallboard benchmarks"),
            Suite.Failover => ("failover.md", "Failover benchmarks"),
            _ => ("runtime.md", "Runtime benchmarks"),
        };
        var method = options.Only == Suite.Failover
            ? $"Each figure is over {options.Kills} kills with SIGKILL of one silo process of three on PostgreSQL, the killed silo restarted before the next kill."
            : $"Each rate and latency is the median of {options.Rounds} runs of {options.Duration.TotalSeconds:0.#} s, after a {options.Warmup.TotalSeconds:0.#} s warm-up, interleaved with the ceiling's runs on the same machine in the same process.";
        var path = Path.Combine(folder, file);
        var arguments = string.Join(' ', args);
        File.WriteAllText(path, $"""
            # {title}

            Measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC.
            {method}

            Command: `dotnet run -c Release --project load-tests/Benchmarks{(arguments.Length > 0 ? " -- " + arguments : "")}`

            {table.ToMarkdown()}
            """);
        return path;
    }

    /// <summary>The reports folder, <c>load-tests/Benchmarks/reports</c>, created when missing, where the failover suite also keeps its silos' logs.</summary>
    public static string Folder => ProjectFolder.Reports(ProjectFile);
}
