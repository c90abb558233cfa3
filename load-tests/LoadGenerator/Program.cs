using Helpdesk.LoadGenerator;
using Helpdesk.LoadGenerator.Options;
using Helpdesk.LoadTests.Shared;

return await ToolCommand.RunAsync<LoadOptions>(LoadOptionsParser.Command, args, LoadOptionsParser.TryParse, options => new GeneratorCommand(options, args).RunAsync());
