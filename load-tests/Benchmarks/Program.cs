using Helpdesk.Benchmarks;
using Helpdesk.LoadTests.Shared;

return await ToolCommand.RunAsync<BenchmarkOptions>(BenchmarkOptions.Command, args, BenchmarkOptions.TryParse, options => new BenchmarkRun(options, args).RunAsync());
