using Helpdesk.Runtime.Hosting;

namespace Helpdesk.Grains.Hosting;

/// <summary>Registers the contact center's grains with a silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>Adds every grain class of this assembly to the runtime.</summary>
    public static GrainRuntimeBuilder AddHelpdeskGrains(this GrainRuntimeBuilder runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return runtime.AddGrains(typeof(GrainsHostingExtensions).Assembly);
    }
}
