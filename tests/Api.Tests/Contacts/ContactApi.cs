using Helpdesk.Testing;
using System.Net.Http.Json;
using Helpdesk.Grains.Contacts;

namespace Helpdesk.Api.Tests.Contacts;

/// <summary>Contact calls as an IVR, a web form or an operator's desktop makes them.</summary>
internal static class ContactApi
{
    /// <summary>A contact request body as the wire carries it.</summary>
    public static object NewContact(string customerId, string department, string channel = "chat", string topic = "Cannot log in") =>
        new { customerId, channel, topic, department };

    public static async Task<HttpResponseMessage> PostContactAsync(this HelpdeskServer server, object body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/contacts", UriKind.Relative))
        {
            Content = JsonContent.Create(body, options: HelpdeskServer.Json),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await server.Client.SendAsync(request);
    }

    public static Task<ContactReceipt> CreateContactAsync(this HelpdeskServer server, string customerId, string department, string channel = "chat")
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.PostOkAsync<ContactReceipt>("/api/contacts", NewContact(customerId, department, channel));
    }

    public static Task<ContactSnapshot> GetContactAsync(this HelpdeskServer server, string id)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.GetOkAsync<ContactSnapshot>($"/api/contacts/{id}");
    }

    /// <summary>An operator's action on a contact: <c>accept</c> or <c>reject</c>.</summary>
    public static Task<HttpResponseMessage> ActAsync(this HelpdeskServer server, string contactId, string action, string operatorId)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.PostAsync($"/api/contacts/{contactId}/{action}", new { operatorId });
    }

    public static Task<ContactSnapshot> ActOkAsync(this HelpdeskServer server, string contactId, string action, string operatorId)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.PostOkAsync<ContactSnapshot>($"/api/contacts/{contactId}/{action}", new { operatorId });
    }

    /// <summary>A move of the ticket to the <c>status</c> of <paramref name="body"/>, by its operator (<c>operatorId</c>) or customer (<c>customerId</c>).</summary>
    public static Task<HttpResponseMessage> MoveAsync(this HelpdeskServer server, string contactId, object body)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.PostAsync($"/api/contacts/{contactId}/status", body);
    }

    /// <summary>The operator handling the contact proposes a solution, ending the conversation.</summary>
    public static Task<HttpResponseMessage> ProposeAsync(this HelpdeskServer server, string contactId, string operatorId) =>
        server.MoveAsync(contactId, new { status = "solution_proposed", operatorId });

    public static async Task<ContactSnapshot> ProposeOkAsync(this HelpdeskServer server, string contactId, string operatorId)
    {
        using var response = await server.ProposeAsync(contactId, operatorId);
        return await HelpdeskServer.ReadOkAsync<ContactSnapshot>(response);
    }

    /// <summary>Reads the contact until <paramref name="done"/> holds.</summary>
    public static Task<ContactSnapshot> WaitForContactAsync(this HelpdeskServer server, string id, Func<ContactSnapshot, bool> done, string expectation) =>
        Eventually.ReadAsync(
            () => server.GetContactAsync(id),
            done,
            $"contact {id} {expectation}",
            contact => $"{contact.Status} with {contact.OperatorId ?? "nobody"} in {contact.Department}, declined by [{string.Join(", ", contact.Declined)}]");
}
