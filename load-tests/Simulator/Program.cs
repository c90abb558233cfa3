using Helpdesk.Simulator;

if (!SimulatorOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(SimulatorOptions.Usage);
    return 2;
}

return SimulatorRun.Execute(options, args);
