using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Helpdesk.Api.Board;

/// <summary>Serves the wallboard's pages at <c>/</c>: anyone may load them; the data they show asks for a supervisor's credential.</summary>
/// <remarks>
/// The pages and their scripts are copied beside the assembly at build time (uPlot from npm), so nothing loads from
/// elsewhere. <c>Board:Files</c> names another folder to serve them from, for working on the board without a rebuild.
/// </remarks>
public static class BoardFiles
{
    /// <summary>The folder beside the assembly the pages are built into.</summary>
    public const string Folder = "board";

    /// <summary>Serves the board's files, <c>index.html</c> at <c>/</c>.</summary>
    public static IApplicationBuilder UseBoardFiles(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = app.ApplicationServices.GetRequiredService<IConfiguration>()["Board:Files"] ?? Path.Combine(AppContext.BaseDirectory, Folder);
        var files = new PhysicalFileProvider(Path.GetFullPath(folder));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // A new build's pages are taken at the next load: the browser asks again, and an unchanged file answers 304.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
