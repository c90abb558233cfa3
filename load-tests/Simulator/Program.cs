using Helpdesk.LoadTests.Shared;
using Helpdesk.Simulator;

return await ToolCommand.RunAsync<SimulatorOptions>(SimulatorOptions.Command, args, SimulatorOptions.TryParse, options => Task.FromResult(SimulatorRun.Execute(options, args)));
