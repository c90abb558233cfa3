using System.Text.Json;
using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Cluster.Hosting;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Directory;

namespace Helpdesk.Silo.Hosting;

/// <summary>
/// <c>credentials create|list|revoke</c>: API keys managed from the silo executable, as an Orleans client of a running
/// cluster on PostgreSQL (found in its membership table), for ops who hold no admin key yet or script a deployment.
/// </summary>
public static class CredentialCommand
{
    /// <summary>The command's usage.</summary>
    public const string Usage = """
        Usage: Helpdesk.Silo credentials create --role ROLE --name NAME [--operator ID] --connection-string CS
               Helpdesk.Silo credentials list --connection-string CS
               Helpdesk.Silo credentials revoke ID --connection-string CS

        ROLE is integration, operator (with --operator, the operator it acts as), supervisor or admin. The connection
        string is the cluster's PostgreSQL (or ConnectionStrings__Helpdesk in the environment); the cluster must be running.
        A new key is printed once; only its hash is stored.
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new EnumNames() }, WriteIndented = true };

    /// <summary>Runs the command given after <c>credentials</c>; the exit code is 0 when done, 1 when refused, 2 for bad usage.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (Parse(args) is not { } command)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddCommandLine(command.Settings);
        // Only the command's answer goes to standard output, so scripts can read it; warnings go to standard error.
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseHelpdeskGateways(builder.Configuration));
        using var host = builder.Build();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(limit.Token);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            return await command.RunAsync(grains, output, error);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The command line read, or <see langword="null"/> when it is not one of the usages.</summary>
    private static Command? Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                {
                    return null;
                }

                options[args[i]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        string[] settings = options.TryGetValue("--connection-string", out var connectionString)
            ? [$"--ConnectionStrings:{ClusterHostingExtensions.ConnectionStringName}={connectionString}"]
            : [];
        Role role = default;
        return positional switch
        {
            ["create"] when options.TryGetValue("--name", out var name) && EnumNames.TryParse(options.GetValueOrDefault("--role"), out role)
                && (role == Role.Operator) == options.ContainsKey("--operator") =>
                new Command(settings, (grains, output, _) => CreateAsync(grains, new Identity(name, role, options.GetValueOrDefault("--operator")), output)),
            ["list"] => new Command(settings, ListAsync),
            ["revoke", var id] => new Command(settings, (grains, output, error) => RevokeAsync(grains, id, output, error)),
            _ => null,
        };
    }

    private static async Task<int> CreateAsync(IGrainFactory grains, Identity identity, TextWriter output)
    {
        var issued = await CredentialEndpoints.IssueAsync(grains, identity, By);
        await AuditAsync(grains, "credentials create", issued.Credential.Id, 201);
        await output.WriteLineAsync(JsonSerializer.Serialize(issued, Json));
        return 0;
    }

    private static async Task<int> ListAsync(IGrainFactory grains, TextWriter output, TextWriter error)
    {
        var ids = await grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Credentials).ListAsync();
        var credentials = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICredentialGrain>(id).GetAsync()));
        await output.WriteLineAsync(JsonSerializer.Serialize(credentials.Select(reply => reply.Value), Json));
        return 0;
    }

    private static async Task<int> RevokeAsync(IGrainFactory grains, string id, TextWriter output, TextWriter error)
    {
        var revoked = await grains.GetGrain<ICredentialGrain>(id).RevokeAsync(By);
        if (revoked.Status != ReplyStatus.Ok)
        {
            await error.WriteLineAsync(revoked.Error);
            return 1;
        }

        await AuditAsync(grains, "credentials revoke", id, 200);
        await output.WriteLineAsync(JsonSerializer.Serialize(revoked.Value, Json));
        return 0;
    }

    /// <summary>Records the change in the audit trail, as the API records its own.</summary>
    private static Task AuditAsync(IGrainFactory grains, string action, string id, int status) =>
        AuditTrail.StoreAsync(grains, new AuditEntry("", TimeProvider.System.GetUtcNow(), By, Role.Admin, null, $"{action} (silo command)", $"/api/credentials/{id}", status, Environment.MachineName));

    /// <summary>Who the command acts as, in the credentials it signs.</summary>
    private static string By => $"silo command ({Environment.UserName}@{Environment.MachineName})";

    private sealed record Command(string[] Settings, Func<IGrainFactory, TextWriter, TextWriter, Task<int>> RunAsync);
}
