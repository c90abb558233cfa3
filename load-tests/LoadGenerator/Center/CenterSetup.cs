using Helpdesk.LoadGenerator.Http;

namespace Helpdesk.LoadGenerator.Center;

/// <summary>Creates the plan's departments and operators through the API, a few at a time; any that cannot be created stops the run.</summary>
internal static class CenterSetup
{
    private const int InFlight = 8;

    public static async Task CreateAsync(ApiClient api, CenterPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(plan);
        await ForEachAsync(plan.Departments, department => new ApiRequest(
            Endpoints.CreateDepartment,
            HttpMethod.Post,
            "/api/departments",
            new
            {
                id = department.Id,
                name = department.Name,
                strategy = department.Strategy,
                escalation = new[] { new { afterSeconds = 30, action = "next_line" } },
                sla = plan.Sla.Body,
            }), cancellationToken, api);
        await ForEachAsync(plan.Operators, operatorPlan => new ApiRequest(
            Endpoints.CreateOperator,
            HttpMethod.Post,
            "/api/operators",
            new
            {
                id = operatorPlan.Id,
                name = operatorPlan.Name,
                line = operatorPlan.Line,
                skills = new Dictionary<string, int> { ["general"] = 3 },
                departments = new[] { operatorPlan.Department },
            }), cancellationToken, api);
    }

    /// <summary>Sets every operator available; their desktops must be listening first, or the first offers would go unheard.</summary>
    public static Task SetAvailableAsync(ApiClient api, CenterPlan plan, CancellationToken cancellationToken) =>
        ForEachAsync(plan.Operators, operatorPlan => new ApiRequest(
            Endpoints.Presence,
            HttpMethod.Put,
            $"/api/operators/{operatorPlan.Id}/presence",
            new { presence = "available" }), cancellationToken, api);

    private static async Task ForEachAsync<T>(IReadOnlyList<T> items, Func<T, ApiRequest> request, CancellationToken cancellationToken, ApiClient api) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken }, async (item, token) =>
        {
            var call = request(item);
            var answer = await api.SendAsync(call, token);
            if (!answer.IsSuccess)
            {
                throw new LoadRunException($"{call.Method} {call.Path} was not carried out: {answer.Describe()}. The center cannot be set up; check the silos' logs.");
            }
        });
}
