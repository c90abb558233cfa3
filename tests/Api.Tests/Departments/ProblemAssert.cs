using System.Net;
using System.Text.Json;

namespace Helpdesk.Api.Tests.Departments;

/// <summary>Reads a refusal: its status, its <c>application/problem+json</c> type and the fields it names.</summary>
internal static class ProblemAssert
{
    /// <summary>Asserts <paramref name="expected"/> as ProblemDetails and returns the problem document.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        Assert.Equal((int)expected, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts <paramref name="expected"/> as a problem with <c>errors</c> by field and returns those errors.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> NamesFieldsAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await IsProblemAsync(response, expected);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"The problem names no field: {problem}");
        return errors.Deserialize<Dictionary<string, string[]>>()!;
    }

    /// <summary>The problem's <c>detail</c>, or an empty string.</summary>
    public static string Detail(JsonElement problem) =>
        problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
}
