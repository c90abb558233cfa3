using Helpdesk.LoadGenerator.Contracts;

namespace Helpdesk.LoadGenerator.Http;

/// <summary>Reads a contact back after a refusal that followed a failed attempt: the failed attempt may have done the move already.</summary>
internal static class ContactReads
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(10);

    /// <summary>Whether the contact's status is one of <paramref name="statuses"/> now.</summary>
    public static async Task<bool> ShowsAsync(ApiClient api, string contactId, IReadOnlyCollection<string> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var answer = await api.SendAsync(new ApiRequest(Endpoints.Verify, HttpMethod.Get, $"/api/contacts/{contactId}", RetryFor: RetryFor), cancellationToken);
        return answer.IsSuccess && statuses.Contains(answer.Read<ContactView>().Status);
    }
}
