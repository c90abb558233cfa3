using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Directory;
using Helpdesk.Grains.Operators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Api.Access;

/// <summary>API keys (an admin's) and stream tickets (anyone's).</summary>
public static class CredentialEndpoints
{
    /// <summary>Maps the credential routes.</summary>
    public static IEndpointRouteBuilder MapCredentialEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var credentials = endpoints.MapGroup("/api/credentials").WithTags("Access").AllowedTo(Role.Admin).Audited();
        credentials.MapPost("", CreateAsync).WithSummary("Creates an API key for a role (an operator's names their operator). The key is in this answer only; it is stored hashed.");
        credentials.MapGet("", ListAsync).WithSummary("The API keys, by id, a page at a time; never their secrets.");
        credentials.MapGet("/{id}", GetAsync).Produces<Credential>().WithSummary("An API key's record.");
        credentials.MapDelete("/{id}", RevokeAsync).Produces<Credential>().WithSummary("Revokes an API key: from the next request on, every silo refuses it.");
        endpoints.MapPost("/api/stream-tickets", IssueTicketAsync).WithTags("Access")
            .AllowedTo(Role.Integration, Role.Operator, Role.Supervisor)
            .WithSummary("A short-lived ticket that opens the caller's event streams (and an admin's Orleans dashboard) as ?ticket=… or as the cookie this answer sets, for browsers, whose EventSource cannot send headers.");
        return endpoints;
    }

    private static async Task<Results<Created<IssuedKey>, ValidationProblem>> CreateAsync(CreateCredentialRequest request, IGrainFactory grains, HttpContext http)
    {
        var check = new Validator();
        var name = check.Text("name", request.Name, 200, required: true) ?? "";
        var role = check.Required("role", request.Role);
        string? operatorId = null;
        if (role == Role.Operator)
        {
            operatorId = check.Id("operatorId", request.OperatorId);
            if (check.IsValid && (await grains.GetGrain<IOperatorGrain>(operatorId).GetAsync()).Status != ReplyStatus.Ok)
            {
                check.Add("operatorId", $"No operator {operatorId}.");
            }
        }
        else if (request.OperatorId is not null)
        {
            check.Add("operatorId", "Only an operator's key names an operator.");
        }

        if (!check.IsValid)
        {
            return check.ValidationProblem();
        }

        var issued = await IssueAsync(grains, new Identity(name, role, operatorId), Caller.NameOf(http.User));
        return TypedResults.Created($"/api/credentials/{issued.Credential.Id}", issued);
    }

    /// <summary>Creates a new API key for <paramref name="identity"/>, signed by <paramref name="by"/>, and lists it.</summary>
    public static async Task<IssuedKey> IssueAsync(IGrainFactory grains, Identity identity, string by)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var (id, key, hash) = ApiKey.New();
        var created = await grains.GetGrain<ICredentialGrain>(id).CreateAsync(identity, hash, by);
        if (created.Status != ReplyStatus.Ok)
        {
            // 48 random bits of id met an existing one: a fault, not a refusal.
            throw new InvalidOperationException(created.Error);
        }

        await grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Credentials).AddAsync(id);
        return new IssuedKey(key, created.Value!);
    }

    private static Task<Results<Ok<List<Credential>>, ValidationProblem>> ListAsync(HttpContext http, IGrainFactory grains, int? limit, string? after) =>
        Listing.PageAsync(http, grains, IDirectoryGrain.Credentials, limit, after, id => grains.GetGrain<ICredentialGrain>(id).GetAsync());

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains) =>
        Problems.From(await grains.GetGrain<ICredentialGrain>(id).GetAsync());

    private static async Task<IResult> RevokeAsync(string id, IGrainFactory grains, HttpContext http) =>
        Problems.From(await grains.GetGrain<ICredentialGrain>(id).RevokeAsync(Caller.NameOf(http.User)));

    private static async Task<Created<IssuedTicket>> IssueTicketAsync(IGrainFactory grains, HttpContext http, IOptions<AccessOptions> access, TimeProvider time)
    {
        var identity = Caller.IdentityOf(http.User)!;
        var ticket = ApiKey.NewSecret();
        var expiresAt = time.GetUtcNow() + access.Value.StreamTicketLifetime;
        await grains.GetGrain<IStreamTicketGrain>(StreamTickets.KeyOf(ticket)).IssueAsync(identity, Caller.CredentialOf(http.User), expiresAt);
        StreamTickets.SetCookie(http.Response, ticket, expiresAt);
        return TypedResults.Created((string?)null, new IssuedTicket(ticket, expiresAt));
    }
}
