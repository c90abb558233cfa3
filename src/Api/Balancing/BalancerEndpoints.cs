using Helpdesk.Api.Common;
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
        var balancer = endpoints.MapGroup("/api/balancer").WithTags("Balancer");
        balancer.MapGet("", GetAsync).WithSummary("The mode, the proposals waiting for a supervisor, and the latest moves with their reasons, predicted and observed effects.");
        balancer.MapPut("/mode", SetModeAsync).WithSummary("Off, advise (it proposes moves) or auto (it makes them).");
        balancer.MapPost("/round", RoundAsync).WithSummary("Looks at every department now rather than at the next period.");
        balancer.MapPost("/proposals/{proposal}/accept", AcceptAsync).WithSummary("Carries out a proposal.");
        balancer.MapPost("/proposals/{proposal}/reject", RejectAsync).WithSummary("Turns a proposal down; the operator is not proposed again for the cooldown.");
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
    private static Task<IResult> AcceptAsync(string proposal, DecisionRequest? request, IGrainFactory grains) =>
        DecideAsync(request, by => Balancer(grains).AcceptAsync(proposal, by));

    private static Task<IResult> RejectAsync(string proposal, DecisionRequest? request, IGrainFactory grains) =>
        DecideAsync(request, by => Balancer(grains).RejectAsync(proposal, by));

    private static async Task<IResult> DecideAsync(DecisionRequest? request, Func<string, Task<Grains.Common.Reply<BalancerSnapshot>>> decide)
    {
        var check = new Validator();
        var by = request?.By is null ? "supervisor" : check.Id("by", request.By);
        return check.IsValid ? Problems.From(await decide(by)) : check.Problem();
    }

    private static IBalancerGrain Balancer(IGrainFactory grains) => grains.GetGrain<IBalancerGrain>(IBalancerGrain.Center);
}
