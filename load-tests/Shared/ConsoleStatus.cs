using Spectre.Console;

namespace Helpdesk.LoadTests.Shared;

/// <summary>Says on standard error what a long step is doing: a Spectre.Console spinner in a terminal, one plain line when standard error is redirected (a CI log).</summary>
public static class ConsoleStatus
{
    /// <summary>Runs <paramref name="work"/> while saying <paramref name="what"/>; returns what it returns.</summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="what">What the step does, e.g. "simulating the staffing policies".</param>
    /// <param name="work">The step.</param>
    public static T Run<T>(string what, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected || !console.Profile.Capabilities.Interactive)
        {
            Console.Error.WriteLine($"{what}…");
            return work();
        }

        return console.Status().Start(Markup.Escape(what) + "…", _ => work());
    }
}
