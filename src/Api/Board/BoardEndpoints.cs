using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Api.Reports;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Board;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Api.Board;

/// <summary>The supervisors' wallboard data: every department's tile and every operator's row, live, and the departments' trends.</summary>
public static class BoardEndpoints
{
    /// <summary>How long a live board waits after sending changes before it asks for the next: changes in between go together.</summary>
    internal static readonly TimeSpan Batching = TimeSpan.FromMilliseconds(250);

    /// <summary>How far back trends go when the reader does not say.</summary>
    internal static readonly TimeSpan TrendsShown = TimeSpan.FromHours(4);

    /// <summary>Maps the board routes.</summary>
    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var board = endpoints.MapGroup("/api/board").WithTags("Board").AllowedTo(Role.Supervisor);
        board.MapGet("", GetAsync).Produces<BoardView>().WithSummary("The whole board: every department's tile and every operator's row, with the board's version.");
        board.MapGet("/events", StreamAsync).WithStreamTickets().Produces<BoardView>(StatusCodes.Status200OK, "text/event-stream")
            .WithSummary("Server-sent events: the whole board first, then the tiles and rows changed, at most four times a second. Resumes after Last-Event-ID.");
        board.MapGet("/trends", TrendsAsync).Produces<BoardTrends>()
            .WithSummary("Each department's service level, queue length and arrivals minute by minute, after since (default: the last 4 hours), oldest first.");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains) => TypedResults.Ok(await Board(grains).WatchAsync(0, TimeSpan.Zero));

    private static Task StreamAsync(HttpContext context, IGrainFactory grains, TimeProvider time, IOptions<JsonOptions> json) =>
        EventStream.WriteAsync(context, (after, wait, cancellation) => ChangesAsync(Board(grains), time, after, wait, cancellation), view => (view.Version, "board"), json.Value.SerializerOptions);

    private static async Task<IResult> TrendsAsync(string? since, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    {
        var now = time.GetUtcNow();
        var check = new Validator();
        var from = check.Instant("since", since, end: false, now - TrendsShown);
        return check.IsValid ? TypedResults.Ok(await Board(grains).TrendsAsync(from)) : check.Problem();
    }

    /// <summary>The changes after <paramref name="after"/>, the whole board for a reader who has none; a reader who has some waits a moment first, so changes made together go together.</summary>
    private static async Task<IReadOnlyList<BoardView>> ChangesAsync(IBoardGrain board, TimeProvider time, long after, TimeSpan wait, CancellationToken cancellation)
    {
        if (after > 0)
        {
            await Task.Delay(Batching, time, cancellation);
        }

        return await board.WatchAsync(after, wait, cancellation) is { } view ? [view] : [];
    }

    private static IBoardGrain Board(IGrainFactory grains) => grains.GetGrain<IBoardGrain>(IBoardGrain.Center);
}
