using System.Text;

namespace Helpdesk.Api.Tests.Departments;

/// <summary>Sends request bodies exactly as written, for the shapes a typed client could not produce.</summary>
internal static class RawJson
{
    public static async Task<HttpResponseMessage> PostRawJsonAsync(this HelpdeskServer server, string path, string json)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await server.Client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> PutRawJsonAsync(this HelpdeskServer server, string path, string json)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await server.Client.PutAsync(new Uri(path, UriKind.Relative), content);
    }
}
