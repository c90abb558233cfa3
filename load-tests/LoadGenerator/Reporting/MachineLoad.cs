namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>The machine's one-minute load average, so a reader can tell a quiet machine from a busy one.</summary>
internal static class MachineLoad
{
    private const string LoadAverageFile = "/proc/loadavg";

    public static string Read() =>
        File.Exists(LoadAverageFile) ? File.ReadAllText(LoadAverageFile).Split(' ')[0] : "unknown";
}
