using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Helpdesk.Api.Board;

/// <summary>Serves the wallboard's pages at <c>/</c>: anyone may load them; the data they show asks for a supervisor's credential.</summary>
/// <remarks>
/// The pages and their scripts are copied beside the assembly at build time (uPlot from npm), so nothing loads from
/// elsewhere. <c>Board:Files</c> names a folder served before that one (<c>src/Api/Board/wwwroot</c>, say), for working
/// on the pages without a rebuild; what it lacks, uPlot among them, still comes from the build.
/// </remarks>
public static class BoardFiles
{
    /// <summary>The folder beside the assembly the pages are built into.</summary>
    public const string Folder = "board";

    /// <summary>Serves the board's files, <c>index.html</c> at <c>/</c>.</summary>
    public static IApplicationBuilder UseBoardFiles(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        IFileProvider files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, Folder));
        if (app.ApplicationServices.GetRequiredService<IConfiguration>()["Board:Files"] is { Length: > 0 } working)
        {
            files = new CompositeFileProvider(new PhysicalFileProvider(Path.GetFullPath(working)), files);
        }

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // A new build's pages are taken at the next load: the browser asks again, and an unchanged file answers 304.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
