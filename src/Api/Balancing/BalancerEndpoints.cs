using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Balancing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Helpdesk.Api.Balancing;

/// <summary>The department balancer: its mode, its proposals and the moves it made, for supervisors.</summary>
public static class BalancerEndpoints
{
    /// <summary>Maps the balancer routes.</summary>
    public static IEndpointRouteBuilder MapBalancerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var balancer = endpoints.MapGroup("/api/balancer").WithTags("Balancer").AllowedTo(Role.Supervisor).Audited();
        balancer.MapGet("", GetAsync).Produces<BalancerSnapshot>().WithSummary("The mode, the proposals waiting for a supervisor, and the latest moves with their reasons, predicted and observed effects.");
        balancer.MapPut("/mode", SetModeAsync).Produces<BalancerSnapshot>().WithSummary("Off, advise (it proposes moves) or auto (it makes them).");
        balancer.MapPost("/round", RoundAsync).Produces<BalancerSnapshot>().WithSummary("Looks at every department now rather than at the next period.");
        balancer.MapPost("/proposals/{proposal}/accept", AcceptAsync).Produces<BalancerSnapshot>().WithSummary("Carries out a proposal.");
        balancer.MapPost("/proposals/{proposal}/reject", RejectAsync).Produces<BalancerSnapshot>().WithSummary("Turns a proposal down; the operator is not proposed again for the cooldown.");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains) => TypedResults.Ok(await Balancer(grains).GetAsync());

    private static async Task<IResult> SetModeAsync(ModeRequest request, IGrainFactory grains)
    {
        var check = new Validator();
        var mode = check.Required("mode", request.Mode);
        return check.IsValid ? TypedResults.Ok(await Balancer(grains).SetModeAsync(mode)) : check.Problem();
    }

    private static async Task<IResult> RoundAsync(IGrainFactory grains) => TypedResults.Ok(await Balancer(grains).RoundAsync());

    /// <remarks>A proposal is named by the balancer (<c>lend:bea:billing->support</c>), not by the id rule.</remarks>
    private static async Task<IResult> AcceptAsync(string proposal, IGrainFactory grains, HttpContext http) =>
        Problems.From(await Balancer(grains).AcceptAsync(proposal, Caller.NameOf(http.User)));

    private static async Task<IResult> RejectAsync(string proposal, IGrainFactory grains, HttpContext http) =>
        Problems.From(await Balancer(grains).RejectAsync(proposal, Caller.NameOf(http.User)));

    private static IBalancerGrain Balancer(IGrainFactory grains) => grains.GetGrain<IBalancerGrain>(IBalancerGrain.Center);
}
