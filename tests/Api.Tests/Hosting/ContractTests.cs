using System.Net;
using System.Text;
using System.Text.Json;
using Helpdesk.Api.Tests.Departments;

namespace Helpdesk.Api.Tests.Hosting;

/// <summary>The OpenAPI document against the server: what it says a request requires is what the server refuses without.</summary>
public sealed class ContractTests(SharedServer shared) : IClassFixture<SharedServer>
{
    /// <summary>
    /// Every operation with a JSON body is sent an empty object: the fields the server answers "Required" for are exactly
    /// those the document lists as required, and the refusal is a documented status.
    /// </summary>
    [Fact]
    public async Task EveryRequestBodyRequiresWhatTheDocumentSays()
    {
        var server = shared.Server;
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var wrong = new List<string>();
        var checkedOperations = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("requestBody", out var body)
                    || !body.GetProperty("content").TryGetProperty("application/json", out var json)
                    || !json.GetProperty("schema").TryGetProperty("$ref", out var reference))
                {
                    continue;
                }

                var schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
                var documented = schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(field => field.GetString()!).ToHashSet() : [];
                var (status, refused) = await RequiredByServerAsync(server.Client, operation.Name.ToUpperInvariant(), path.Name);
                checkedOperations++;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (!documented.SetEquals(refused))
                {
                    wrong.Add($"{name}: the document requires [{string.Join(", ", documented.Order())}], the server [{string.Join(", ", refused.Order())}]");
                }

                if (!operation.Value.GetProperty("responses").TryGetProperty(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), out _) && refused.Count > 0)
                {
                    wrong.Add($"{name}: answered {(int)status}, which the document does not list");
                }
            }
        }

        Assert.True(checkedOperations >= 20, $"Only {checkedOperations} operations with a JSON body were found.");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>Every operation of the API documents its success with the body it answers.</summary>
    [Fact]
    public async Task EveryOperationDocumentsItsSuccessWithItsBody()
    {
        using var document = JsonDocument.Parse(await shared.Server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var bare = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var successes = operation.Value.GetProperty("responses").EnumerateObject().Where(response => response.Name.StartsWith('2')).ToList();
                if (successes.Count == 0 || successes.Any(success => !success.Value.TryGetProperty("content", out _)))
                {
                    bare.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: {string.Join(", ", successes.Select(success => success.Name))}");
                }
            }
        }

        Assert.True(bare.Count == 0, $"Operations without a documented success body:{Environment.NewLine}{string.Join(Environment.NewLine, bare)}");
    }

    /// <summary>What each creation answers is what the document says it answers, and nothing else.</summary>
    [Fact]
    public async Task EachCreationAnswersTheStatusTheDocumentGives()
    {
        var server = shared.Server;
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.RootElement.GetProperty("paths");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        (string Path, object Body)[] creations =
        [
            ("/api/departments", new { id = $"d-{suffix}" }),
            ("/api/operators", new { id = $"o-{suffix}", line = "l1", departments = new[] { $"d-{suffix}" } }),
            ("/api/contacts", new { customerId = $"c-{suffix}", channel = "chat", topic = "t", department = $"d-{suffix}" }),
            ("/api/broadcasts", new { scope = "all", message = "m", end = DateTimeOffset.UtcNow.AddHours(1) }),
            ("/api/calls/missed", new { customerId = $"c-{suffix}", at = DateTimeOffset.UtcNow.AddMinutes(-1), department = $"d-{suffix}" }),
            ("/api/credentials", new { name = "crm", role = "integration" }),
            ("/api/stream-tickets", new { }),
        ];
        foreach (var (path, body) in creations)
        {
            using var response = await server.PostAsync(path, body);
            var documented = paths.GetProperty(path).GetProperty("post").GetProperty("responses").EnumerateObject().Select(entry => entry.Name).Where(status => status.StartsWith('2'));

            Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal([((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)], documented);
        }
    }

    /// <summary>Sends <c>{}</c> and returns the status and the top-level fields answered as required.</summary>
    private static async Task<(HttpStatusCode Status, HashSet<string> Fields)> RequiredByServerAsync(HttpClient client, string method, string route)
    {
        var path = route.Replace("{proposal}", "none", StringComparison.Ordinal).Replace("{operatorId}", "op1", StringComparison.Ordinal).Replace("{id}", "x1", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return (response.StatusCode, []);
        }

        var errors = (await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest))
            .Where(error => !error.Key.Contains('.', StringComparison.Ordinal) && !error.Key.Contains('[', StringComparison.Ordinal))
            .Where(error => error.Value.Any(message => message.StartsWith("Required", StringComparison.Ordinal)))
            .Select(error => error.Key);
        return (response.StatusCode, errors.ToHashSet());
    }
}
