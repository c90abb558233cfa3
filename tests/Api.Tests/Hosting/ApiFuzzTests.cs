using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Testing;
using Xunit.Abstractions;

namespace Helpdesk.Api.Tests.Hosting;

/// <summary>
/// Every write operation of the OpenAPI document, sent malformed bodies and odd path ids: no answer is a server error
/// or a success, every refusal is problem+json, and the center reads the same before and after.
/// </summary>
public sealed class ApiFuzzTests(ITestOutputHelper output)
{
    /// <summary>
    /// Path ids that break the id rule. (A NUL, <c>%00</c>, Kestrel refuses itself, 400 without a body, before the API
    /// sees the request.)
    /// </summary>
    private static readonly string[] OddIds = ["...", "a b", "%2E%2E", "%C3%BC", "a%2Fb", new('x', 101), "-", "%22%3E%3Cscript%3E", "a;b", "%E2%80%AE"];

    /// <summary>The seeded contact's id.</summary>
    private string _contact = "";

    /// <summary>What the center shows; the clock stands still, so only a write could change it.</summary>
    private string[] Views => ["/api/departments", "/api/operators", $"/api/contacts/{_contact}", "/api/customers/cust-1", "/api/broadcasts", "/api/balancer"];

    [Fact]
    public async Task NoMalformedWriteIsAnsweredWithAServerErrorOrChangesAnything()
    {
        await using var server = await HelpdeskServer.StartAsync(time: new ManualTimeProvider());
        await SeedAsync(server);
        var before = await ViewsAsync(server);
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var sent = 0;
        var failures = new List<string>();

        foreach (var (method, template, body) in WriteOperations(document.RootElement))
        {
            var requests = new List<(string Path, string? Json)>();
            if (body is { } schema)
            {
                var sample = Sample(schema, schemas, 0);
                requests.AddRange(BrokenBodies(sample, schema, schemas).Select(json => (PathOf(template, odd: null), (string?)json)));
            }

            if (template.Contains('{', StringComparison.Ordinal))
            {
                var json = body is { } bodySchema ? Sample(bodySchema, schemas, 0)?.ToJsonString() : null;
                requests.AddRange(OddIds.Select(odd => (PathOf(template, odd), json)));
            }

            foreach (var (path, json) in requests)
            {
                sent++;
                var failure = await SendAsync(server, method, path, json);
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
        }

        output.WriteLine($"{sent} malformed requests sent.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent}:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40))}");
        Assert.True(sent > 800, $"Only {sent} requests were made from the document.");
        Assert.Equal(before, await ViewsAsync(server));
    }

    /// <summary>A department, an operator at work, a contact offered to her and a broadcast.</summary>
    private async Task SeedAsync(HelpdeskServer server)
    {
        await server.PostOkAsync<JsonElement>("/api/departments", new { id = "support", name = "Support" });
        await server.PostOkAsync<JsonElement>("/api/operators", new { id = "ann", line = "l1", departments = new[] { "support" } });
        await server.PutOkAsync<JsonElement>("/api/operators/ann/presence", new { presence = "available" });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/contacts", UriKind.Relative))
        {
            Content = new StringContent("""{"customerId":"cust-1","channel":"phone","topic":"Login","department":"support"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "call");
        using var created = await server.Client.SendAsync(request);
        var contact = await HelpdeskServer.ReadOkAsync<JsonElement>(created);
        Assert.Equal("ann", contact.GetProperty("operatorId").GetString());
        _contact = contact.GetProperty("id").GetString()!;
    }

    private async Task<List<string>> ViewsAsync(HelpdeskServer server)
    {
        List<string> views = [];
        foreach (var view in Views)
        {
            views.Add(await server.Client.GetStringAsync(new Uri(view, UriKind.Relative)));
        }

        return views;
    }

    /// <summary>The request's failure to meet the contract, or <see langword="null"/>.</summary>
    private static async Task<string?> SendAsync(HelpdeskServer server, string method, string path, string? json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await server.Client.SendAsync(request);
        var status = (int)response.StatusCode;
        var type = response.Content.Headers.ContentType?.MediaType;
        return status is >= 400 and < 500 && type == "application/problem+json"
            ? null
            : $"{method} {path} {Shorten(json)} answered {status} {type}: {Shorten(await response.Content.ReadAsStringAsync())}";
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>Each write operation: its method, path template and body schema.</summary>
    private static IEnumerable<(string Method, string Template, JsonElement? Body)> WriteOperations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(operation => operation.Name is "post" or "put" or "patch" or "delete"))
            {
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var content)
                    ? content.GetProperty("schema")
                    : null;
                if (body is not null || path.Name.Contains('{', StringComparison.Ordinal))
                {
                    yield return (operation.Name.ToUpperInvariant(), path.Name, body);
                }
            }
        }
    }

    /// <summary>The template with every path value <paramref name="odd"/>, or when that is null, the seeded entity each names.</summary>
    private string PathOf(string template, string? odd)
    {
        var segments = template.Split('/');
        return string.Join('/', segments.Select((segment, i) => !segment.StartsWith('{') ? segment : odd ?? Seeded(segment.Trim('{', '}'), segments[i - 1])));
    }

    /// <summary>The seeded entity a path value names: by its parameter, or by the collection it follows.</summary>
    private string Seeded(string parameter, string collection) => (parameter, collection) switch
    {
        ("operatorId", _) or (_, "operators") => "ann",
        (_, "departments") => "support",
        (_, "customers") => "cust-1",
        (_, "contacts") => _contact,
        _ => "unknown-1",
    };

    /// <summary>A value the schema allows: the first of every choice, one item of every list.</summary>
    private static JsonNode? Sample(JsonElement schema, JsonElement schemas, int depth)
    {
        schema = Resolve(schema, schemas);
        if (depth > 6)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var names))
        {
            return JsonValue.Create(names[0].GetString());
        }

        return KindOf(schema) switch
        {
            "object" => SampleObject(schema, schemas, depth),
            "array" => new JsonArray(Sample(schema.GetProperty("items"), schemas, depth + 1)),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            "string" => JsonValue.Create(schema.TryGetProperty("format", out var format) ? format.GetString() switch
            {
                "date-time" => "2026-01-01T00:00:00Z",
                "date" => "2026-01-01",
                "time" => "09:00:00",
                "date-span" => "00:01:00",
                _ => "x1",
            } : "x1"),
            _ => null,
        };
    }

    private static JsonObject SampleObject(JsonElement schema, JsonElement schemas, int depth)
    {
        var sample = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                sample[property.Name] = Sample(property.Value, schemas, depth + 1);
            }
        }

        return sample;
    }

    /// <summary>
    /// The sample broken one place at a time, each a body no rule lets through: not JSON, the wrong JSON at the top, and
    /// at every field a value of another JSON type (a number where a name or text is expected, text where a number, a
    /// list or an object is), and <c>null</c> inside every list.
    /// </summary>
    private static IEnumerable<string> BrokenBodies(JsonNode? sample, JsonElement schema, JsonElement schemas)
    {
        yield return "{";
        yield return "[]";
        yield return "\"text\"";
        yield return "{\"a\":" + new string('[', 70) + new string(']', 70) + "}";
        foreach (var (path, kind) in Fields(schema, schemas, [], 0))
        {
            JsonNode?[] wrong = kind switch
            {
                "string" => [JsonValue.Create(1), JsonValue.Create(12345), JsonValue.Create(-1), JsonValue.Create(1.5), JsonValue.Create(true), new JsonArray(), new JsonArray(JsonValue.Create("x")), new JsonObject()],
                "integer" => [JsonValue.Create("abc"), JsonValue.Create(""), JsonValue.Create(1.5), JsonValue.Create(true), new JsonArray(), new JsonObject()],
                "number" => [JsonValue.Create("abc"), JsonValue.Create(""), JsonValue.Create(true), new JsonArray(), new JsonObject()],
                "boolean" => [JsonValue.Create("x"), JsonValue.Create(2), new JsonArray(), new JsonObject()],
                "array" => [JsonValue.Create("x"), JsonValue.Create(1), new JsonObject(), new JsonArray((JsonNode?)null), new JsonArray(JsonValue.Create(12345), (JsonNode?)null)],
                _ => [JsonValue.Create("x"), JsonValue.Create(7), JsonValue.Create(false), new JsonArray()],
            };
            foreach (var value in wrong)
            {
                var broken = sample?.DeepClone() ?? new JsonObject();
                if (Replace(broken, path, value))
                {
                    yield return broken.ToJsonString();
                }
            }
        }
    }

    /// <summary>Every field the schema describes, by its path of property names and list positions, with its JSON type.</summary>
    private static IEnumerable<(string[] Path, string Kind)> Fields(JsonElement schema, JsonElement schemas, string[] path, int depth)
    {
        schema = Resolve(schema, schemas);
        var kind = schema.TryGetProperty("enum", out _) ? "string" : KindOf(schema);
        if (path.Length > 0)
        {
            yield return (path, kind);
        }

        if (depth > 6)
        {
            yield break;
        }

        if (kind == "object" && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                foreach (var field in Fields(property.Value, schemas, [.. path, property.Name], depth + 1))
                {
                    yield return field;
                }
            }
        }
        else if (kind == "array")
        {
            foreach (var field in Fields(schema.GetProperty("items"), schemas, [.. path, "0"], depth + 1))
            {
                yield return field;
            }
        }
    }

    private static bool Replace(JsonNode root, string[] path, JsonNode? value)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = parent is JsonArray list ? list[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)] : parent?[step];
            if (parent is null)
            {
                return false;
            }
        }

        switch (parent)
        {
            case JsonArray list when int.TryParse(path[^1], out var index) && index < list.Count:
                list[index] = value;
                return true;
            case JsonObject fields:
                fields[path[^1]] = value;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The schema a reference or a nullable choice stands for.</summary>
    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        while (true)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            }
            else if ((schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices))
                && choices.EnumerateArray().FirstOrDefault(choice => KindOf(choice) != "null") is { ValueKind: JsonValueKind.Object } choice
                && !schema.TryGetProperty("type", out _))
            {
                schema = choice;
            }
            else
            {
                return schema;
            }
        }
    }

    /// <summary>The schema's JSON type, not counting <c>null</c>; a number that may be written as a string is a number.</summary>
    private static string KindOf(JsonElement schema)
    {
        if (schema.TryGetProperty("anyOf", out var choices) && choices[0].TryGetProperty("type", out var first) && first.ValueKind == JsonValueKind.Array)
        {
            return first.EnumerateArray().Any(type => type.GetString() == "number") ? "number" : first.EnumerateArray().Any(type => type.GetString() == "integer") ? "integer" : "string";
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("$ref", out _) ? "object" : "unknown";
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString()!;
        }

        var types = type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null").ToList();
        return types.Contains("number") ? "number" : types.Contains("integer") ? "integer" : types.FirstOrDefault() ?? "null";
    }
}
