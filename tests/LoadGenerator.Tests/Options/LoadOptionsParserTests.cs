using Helpdesk.LoadGenerator.Options;

namespace Helpdesk.LoadGenerator.Tests.Options;

public sealed class LoadOptionsParserTests
{
    [Fact]
    public void NoArgumentsStartOneSiloInMemoryAtTheDefaults()
    {
        var options = Parse();

        Assert.True(options.StartsSilos);
        Assert.Equal(1, options.Silos);
        Assert.Equal(Storage.Memory, options.Storage);
        Assert.Equal(20, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
        Assert.Equal(Fault.None, options.Fault);
    }

    [Fact]
    public void EveryOptionIsRead()
    {
        var options = Parse(
            "--silos", "3", "--fault", "pause", "--fault-at", "12", "--rate", "150.5", "--duration", "40", "--max-requests", "90000",
            "--departments", "6", "--operators", "120", "--customers", "5000", "--handle-time", "1.5", "--patience", "0", "--seed", "42", "--report", "three");

        Assert.Equal(3, options.Silos);
        Assert.Equal(Storage.PostgreSql, options.Storage);
        Assert.Equal(Fault.Pause, options.Fault);
        Assert.Equal(TimeSpan.FromSeconds(12), options.FaultTime);
        Assert.Equal(150.5, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(40), options.Duration);
        Assert.Equal(90_000, options.MaxRequests);
        Assert.Equal((6, 120, 5000), (options.Departments, options.Operators, options.Customers));
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.HandleTime);
        Assert.Equal(TimeSpan.Zero, options.Patience);
        Assert.Equal(42, options.Seed);
        Assert.Equal("three", options.Report);
    }

    [Fact]
    public void MoreThanOneSiloRunsOnPostgreSqlUnlessTold()
    {
        Assert.Equal(Storage.PostgreSql, Parse("--silos", "2").Storage);
        Assert.Equal(Storage.PostgreSql, Parse("--storage", "postgres").Storage);
        Assert.Equal(Storage.Memory, Parse("--silos", "1", "--storage", "memory").Storage);
    }

    [Fact]
    public void TheKillComesHalfwayByDefault() =>
        Assert.Equal(TimeSpan.FromSeconds(10), Parse("--silos", "2", "--fault", "kill", "--duration", "20").FaultTime);

    [Theory]
    [InlineData("http://127.0.0.1:5001")]
    [InlineData("http://127.0.0.2:5001")]
    [InlineData("http://localhost:5001")]
    [InlineData("http://LOCALHOST:5001/")]
    [InlineData("http://[::1]:5001")]
    public void LoopbackUrlsAreDriven(string url)
    {
        var options = Parse("--url", url);

        Assert.False(options.StartsSilos);
        Assert.Equal(url.ToLowerInvariant().TrimEnd('/') + "/", options.Urls.Single().ToString());
    }

    [Fact]
    public void SeveralUrlsAreSplitOnCommas() =>
        Assert.Equal(["http://127.0.0.1:5001/", "http://127.0.0.1:5002/"], Parse("--url", "http://127.0.0.1:5001, http://127.0.0.1:5002").Urls.Select(url => url.ToString()));

    [Theory]
    [InlineData("http://10.0.0.5:5001", "10.0.0.5")]
    [InlineData("http://192.168.1.20:5001", "192.168.1.20")]
    [InlineData("http://example.com", "example.com")]
    [InlineData("http://localhost.example.com:5001", "localhost.example.com")]
    [InlineData("http://[2001:db8::1]:5001", "[2001:db8::1]")]
    [InlineData("http://127.0.0.1:5001,http://8.8.8.8:80", "8.8.8.8")]
    public void AnAddressOffThisMachineIsRefusedByName(string url, string host)
    {
        var error = Refusal("--url", url);

        Assert.Contains($"'{host}'", error, StringComparison.Ordinal);
        Assert.Contains("only sends traffic to loopback addresses", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5001")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("")]
    public void AUrlMustBeAnAbsoluteHttpAddress(string url) =>
        Assert.Contains("http", Refusal("--url", url), StringComparison.Ordinal);

    [Theory]
    [InlineData(new[] { "--fault", "kill" }, "needs a cluster that survives it")]
    [InlineData(new[] { "--silos", "1", "--fault", "restart-db" }, "needs a cluster that survives it")]
    [InlineData(new[] { "--silos", "2", "--fault", "explode" }, "takes one of kill, pause, stop, restart-db")]
    [InlineData(new[] { "--url", "http://127.0.0.1:5001", "--fault", "stop" }, "instead of --url")]
    [InlineData(new[] { "--url", "http://127.0.0.1:5001", "--silos", "2" }, "Give one or the other")]
    [InlineData(new[] { "--silos", "3", "--storage", "memory" }, "share no state")]
    [InlineData(new[] { "--silos", "2", "--fault-at", "5" }, "give --fault too")]
    [InlineData(new[] { "--silos", "2", "--fault", "kill", "--duration", "10", "--fault-at", "10" }, "after the arrivals end")]
    [InlineData(new[] { "--suite", "--silos", "2" }, "leave out --silos")]
    public void OptionsThatCannotRunTogetherAreRefused(string[] args, string reason) =>
        Assert.Contains(reason, Refusal(args), StringComparison.Ordinal);

    [Theory]
    [InlineData("--duration", "601")]
    [InlineData("--duration", "0")]
    [InlineData("--duration", "soon")]
    [InlineData("--rate", "0")]
    [InlineData("--rate", "2001")]
    [InlineData("--rate", "NaN")]
    [InlineData("--silos", "6")]
    [InlineData("--silos", "0")]
    [InlineData("--max-requests", "0")]
    [InlineData("--max-requests", "10000001")]
    [InlineData("--operators", "2001")]
    [InlineData("--handle-time", "-1")]
    [InlineData("--patience", "-1")]
    [InlineData("--storage", "disk")]
    [InlineData("--report", "../escape")]
    public void AValueOutOfRangeIsRefusedNamingTheOption(string option, string value) =>
        Assert.StartsWith(option, Refusal(option, value), StringComparison.Ordinal);

    [Fact]
    public void TheDurationHasAHardLimit()
    {
        Assert.Equal(LoadOptions.MaxDuration, Parse("--duration", "600").Duration);
        Assert.True(Parse("--duration", "600").TimeLimit < TimeSpan.FromMinutes(20));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("extra")]
    public void AnUnknownArgumentIsRefusedByName(string argument) =>
        Assert.Contains($"'{argument}'", Refusal(argument), StringComparison.Ordinal);

    [Fact]
    public void AnOptionGivenTwiceIsRefusedByName() =>
        Assert.Contains("'--rate'", Refusal("--rate", "5", "--rate", "6"), StringComparison.Ordinal);

    [Fact]
    public void AnOptionWithoutItsValueIsRefusedByName() =>
        Assert.Contains("'--rate'", Refusal("--rate"), StringComparison.Ordinal);

    [Fact]
    public void TheCommandLinesOfTheEndToEndRunsAreRead()
    {
        var driven = Parse(
            "--url", "http://127.0.0.1:5001/", "--api-key", "key", "--rate", "8", "--duration", "3", "--departments", "2", "--operators", "8",
            "--customers", "40", "--handle-time", "0.2", "--patience", "0", "--report", "e2e", "--report-dir", "reports-e2e");
        var faulted = Parse(
            "--silos", "3", "--fault", "restart-db", "--fault-at", "8", "--rate", "15", "--duration", "24", "--operators", "60", "--customers", "400",
            "--handle-time", "1", "--report-dir", "reports-faults");

        Assert.Equal(("key", "e2e", Path.GetFullPath("reports-e2e")), (driven.ApiKey, driven.Report, driven.ReportDirectory));
        Assert.Equal(TimeSpan.FromSeconds(0.2), driven.HandleTime);
        Assert.Equal((3, Storage.PostgreSql, Fault.RestartDatabase, TimeSpan.FromSeconds(8)), (faulted.Silos, faulted.Storage, faulted.Fault, faulted.FaultTime));
        Assert.Equal("http-run", faulted.Report);
    }

    [Fact]
    public void AValueStartingWithAtIsTakenAsItIs() =>
        Assert.Equal("@key", Parse("--url", "http://127.0.0.1:5001", "--api-key", "@key").ApiKey);

    [Fact]
    public void TheSuiteAndTheScreenshotsAreRead()
    {
        var options = Parse("--suite", "--rate", "40", "--screenshots", "shots");

        Assert.True(options.Suite);
        Assert.Equal(Path.GetFullPath("shots"), options.Screenshots);
    }

    [Fact]
    public void TheHelpListsEveryOption() =>
        Assert.Equal(
            ["--url", "--api-key", "--silos", "--storage", "--fault", "--fault-at", "--rate", "--duration", "--max-requests", "--departments", "--operators", "--customers", "--handle-time", "--patience", "--seed", "--report", "--report-dir", "--screenshots", "--suite"],
            LoadOptionsParser.Command.Options.Select(option => option.Name).Where(name => name is not "--help" and not "--version"));

    private static LoadOptions Parse(params string[] args)
    {
        Assert.True(LoadOptionsParser.TryParse(args, out var options, out var error), error);
        return options;
    }

    private static string Refusal(params string[] args)
    {
        Assert.False(LoadOptionsParser.TryParse(args, out _, out var error), $"{string.Join(' ', args)} was accepted.");
        return error;
    }
}
