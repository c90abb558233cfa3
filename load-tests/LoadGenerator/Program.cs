using Helpdesk.LoadGenerator;
using Helpdesk.LoadGenerator.Options;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

if (!LoadOptionsParser.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine();
    Console.Error.WriteLine(LoadOptions.Usage);
    return GeneratorCommand.BadOptions;
}

return await new GeneratorCommand(options, args).RunAsync();
