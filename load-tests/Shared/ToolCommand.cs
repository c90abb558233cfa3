using System.CommandLine;
using System.Globalization;

namespace Helpdesk.LoadTests.Shared;

/// <summary>The tools' command lines on System.CommandLine: options that check their values and name themselves in every error, a generated <c>--help</c>, and exit code 2 for bad options.</summary>
public static class ToolCommand
{
    /// <summary>The exit code for options that cannot run.</summary>
    public const int BadOptions = 2;

    /// <summary>Takes every argument as it is: a value that starts with <c>@</c> is not a response file to read.</summary>
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    /// <summary>Reads a command line into a tool's options, or says why it cannot.</summary>
    /// <typeparam name="T">The tool's options.</typeparam>
    /// <param name="args">The command line.</param>
    /// <param name="options">The options read, when they can run.</param>
    /// <param name="error">Why they cannot, naming the option.</param>
    public delegate bool Parser<T>(IReadOnlyList<string> args, out T options, out string error);

    /// <summary>Prints the help when asked for it; otherwise parses the command line and runs the tool, or prints the error and returns <see cref="BadOptions"/>.</summary>
    /// <typeparam name="T">The tool's options.</typeparam>
    /// <param name="command">The tool's command, for its help.</param>
    /// <param name="args">The command line.</param>
    /// <param name="parse">The tool's parser.</param>
    /// <param name="run">Runs the tool; returns its exit code.</param>
    public static async Task<int> RunAsync<T>(RootCommand command, string[] args, Parser<T> parse, Func<T, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(run);
        var result = command.Parse(args, Configuration);
        // The tools' commands have no action of their own: an action is the help's or the version's.
        if (result.Action is not null && result.Errors.Count == 0)
        {
            return await result.InvokeAsync();
        }

        if (!parse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine("Run with --help for every option.");
            return BadOptions;
        }

        return await run(options);
    }

    /// <summary>Parses <paramref name="args"/> with <paramref name="command"/> and, when every option was read, binds and checks them together.</summary>
    /// <typeparam name="T">The tool's options.</typeparam>
    /// <param name="command">The tool's command.</param>
    /// <param name="args">The command line.</param>
    /// <param name="bind">Makes the options of a parse without errors, or says which rule between options they break.</param>
    /// <param name="options">The options, when they can run.</param>
    /// <param name="error">Every parse error, one a line, or the broken rule.</param>
    public static bool TryParse<T>(RootCommand command, IReadOnlyList<string> args, Func<ParseResult, (T Options, string? Error)> bind, out T options, out string error)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(bind);
        var result = command.Parse(args, Configuration);
        if (result.Errors.Count > 0)
        {
            options = default!;
            error = string.Join(Environment.NewLine, result.Errors.Select(parseError => parseError.Message));
            return false;
        }

        (options, var refusal) = bind(result);
        error = refusal ?? "";
        return refusal is null;
    }

    /// <summary>Whether the command line gave <paramref name="option"/>, rather than its default standing.</summary>
    /// <param name="result">The parse.</param>
    /// <param name="option">The option.</param>
    public static bool Given(this ParseResult result, Option option)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetResult(option) is { Implicit: false };
    }

    /// <summary>An option whose value <paramref name="read"/> checks; a value it refuses gives "NAME NEED; got 'VALUE'.".</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The option, e.g. <c>--rate</c>.</param>
    /// <param name="description">What it does, for the help.</param>
    /// <param name="need">What it needs, e.g. "needs a whole number from 1 to 5".</param>
    /// <param name="read">Whether the text is a value it takes, and that value.</param>
    /// <param name="helpName">What the value is, for the help; the option's name without dashes when absent.</param>
    public static Option<T> Checked<T>(string name, string description, string need, Func<string, (bool Ok, T Value)> read, string? helpName = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new Option<T>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = argument =>
            {
                var text = argument.Tokens.Count == 1 ? argument.Tokens[0].Value : "";
                if (read(text) is (true, var value))
                {
                    return value;
                }

                argument.AddError($"{name} {need}; got '{text}'.");
                return default!;
            },
        };
    }

    /// <summary>An option of a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <param name="name">The option.</param>
    /// <param name="description">What it does, for the help.</param>
    /// <param name="min">The least value.</param>
    /// <param name="max">The greatest value.</param>
    public static Option<long> Whole(string name, string description, long min, long max) =>
        Checked<long>(name, description, Invariant($"needs a whole number from {min} to {max}"), text =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (number >= min && number <= max, number) : (false, 0), "n");

    /// <summary>An option of a number above <paramref name="above"/> (or from it, when <paramref name="inclusive"/>) and at most <paramref name="max"/>.</summary>
    /// <param name="name">The option.</param>
    /// <param name="description">What it does, for the help.</param>
    /// <param name="need">What it needs, e.g. "needs a number of seconds above 0 and at most 600".</param>
    /// <param name="above">The bound below.</param>
    /// <param name="max">The greatest value.</param>
    /// <param name="inclusive">Whether <paramref name="above"/> itself is allowed.</param>
    /// <param name="helpName">What the number is, for the help, e.g. <c>seconds</c>.</param>
    public static Option<double> Number(string name, string description, string need, double above, double max, bool inclusive = false, string helpName = "n") =>
        Checked<double>(name, description, need, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? ((inclusive ? number >= above : number > above) && number <= max, number) : (false, 0), helpName);

    /// <summary>An option that takes one of a few words.</summary>
    /// <typeparam name="T">What the words stand for.</typeparam>
    /// <param name="name">The option.</param>
    /// <param name="description">What it does, for the help.</param>
    /// <param name="choices">The words and what each stands for; the help lists the first of each value.</param>
    /// <param name="helpName">What the word names, for the help; the words themselves when absent.</param>
    public static Option<T> Choice<T>(string name, string description, IReadOnlyList<(string Word, T Value)> choices, string? helpName = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var words = choices.DistinctBy(choice => choice.Value).Select(choice => choice.Word).ToList();
        var option = Checked<T>(name, description, $"takes one of {string.Join(", ", words)}", text =>
            choices.FirstOrDefault(choice => choice.Word == text) is { Word: not null } chosen ? (true, chosen.Value) : (false, default!));
        option.HelpName = helpName ?? string.Join('|', words);
        return option;
    }

    /// <summary>An option of any text that is not blank.</summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">What the text is, for the help, e.g. <c>FILE</c>.</param>
    /// <param name="description">What it does, for the help.</param>
    public static Option<string> Text(string name, string helpName, string description)
    {
        var option = Checked<string>(name, description, "needs a value", text => (!string.IsNullOrWhiteSpace(text), text));
        option.HelpName = helpName;
        return option;
    }

    /// <summary>Gives <paramref name="option"/> the value it has when not given, shown in the help.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="value">Its default.</param>
    public static Option<T> Default<T>(this Option<T> option, T value)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.DefaultValueFactory = _ => value;
        return option;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
