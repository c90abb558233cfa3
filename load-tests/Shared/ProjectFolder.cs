namespace Helpdesk.LoadTests.Shared;

/// <summary>Finds a tool's project folder whatever the working directory, so its reports land beside its code.</summary>
public static class ProjectFolder
{
    /// <summary>The folder holding <paramref name="projectFile"/>, searched upwards from the running assembly; the working directory when none does.</summary>
    /// <param name="projectFile">The tool's project file name, e.g. <c>Helpdesk.Simulator.csproj</c>.</param>
    public static string Of(string projectFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectFile);
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, projectFile)))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>The <c>reports</c> folder beside <paramref name="projectFile"/>, created when missing.</summary>
    /// <param name="projectFile">The tool's project file name.</param>
    public static string Reports(string projectFile) => Directory.CreateDirectory(Path.Combine(Of(projectFile), "reports")).FullName;
}
