namespace Helpdesk.Testing;

/// <summary>The checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding <c>Helpdesk.sln</c>, found from the test's output folder upwards.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path inside the checkout.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Helpdesk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Helpdesk.sln above {AppContext.BaseDirectory}: the tests run from the checkout's build output.");
    }
}
