using Helpdesk.Benchmarks;

if (!BenchmarkOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

return await new BenchmarkRun(options, args).RunAsync();
