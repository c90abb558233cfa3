namespace Helpdesk.LoadGenerator.Http;

/// <summary>The rows calls are counted in: one per route and purpose.</summary>
internal static class Endpoints
{
    public const string CreateDepartment = "POST /api/departments";
    public const string CreateOperator = "POST /api/operators";
    public const string Presence = "PUT /api/operators/{id}/presence";
    public const string Events = "GET /api/operators/{id}/events (to headers)";
    public const string Entry = "GET /api/customers/{id}/entry";
    public const string CreateContact = "POST /api/contacts";
    public const string Accept = "POST /api/contacts/{id}/accept";
    public const string Propose = "POST /api/contacts/{id}/status solution_proposed";
    public const string Rate = "POST /api/customers/{id}/ratings";
    public const string Confirm = "POST /api/contacts/{id}/status confirmed";
    public const string Abandon = "POST /api/contacts/{id}/status abandoned";
    public const string Verify = "GET /api/contacts/{id} (after a refusal)";
    public const string FinalCheck = "GET /api/contacts/{id} (final check)";
    public const string FinalOperators = "GET /api/operators/{id} (final check)";

    /// <summary>Whether calls of <paramref name="endpoint"/> are part of the load itself: not the set-up, not opening event streams, not the final check.</summary>
    public static bool InLoad(string endpoint) => endpoint is not (CreateDepartment or CreateOperator or Events or FinalCheck or FinalOperators);
}
