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
