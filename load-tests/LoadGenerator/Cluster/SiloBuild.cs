namespace Helpdesk.LoadGenerator.Cluster;

/// <summary>Finds the silo's build output, <c>src/Silo/bin/{configuration}/net10.0/Helpdesk.Silo.dll</c>, beside the generator's own build.</summary>
/// <remarks>The generator's project references the silo's, so building one builds the other in the same configuration.</remarks>
internal static class SiloBuild
{
    private const string Assembly = "Helpdesk.Silo.dll";

    public static string Find()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = output.Parent?.Name ?? "Release";
        var repository = output;
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Helpdesk.sln")))
        {
            repository = repository.Parent;
        }

        if (repository is null)
        {
            throw new LoadRunException($"The repository (a folder with Helpdesk.sln) was not found above {AppContext.BaseDirectory}; run the generator from its build output in the repository.");
        }

        var candidates = new[] { configuration, configuration == "Release" ? "Debug" : "Release" }
            .Select(name => Path.Combine(repository.FullName, "src", "Silo", "bin", name, "net10.0", Assembly));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new LoadRunException($"The silo is not built: {candidates.First()} is missing. Build it with `dotnet build -c {configuration} src/Silo`, or run the generator with `dotnet run`, which builds it.");
    }
}
