namespace Helpdesk.Simulator.Results;

/// <summary>What one seeded run of a scenario gave.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Departments">Each department's figures.</param>
/// <param name="Center">The whole center's figures.</param>
/// <param name="Lends">Operators the balancer lent in the measured window.</param>
/// <param name="Returns">Operators it brought back in the measured window.</param>
/// <param name="DifficultyGini">The Gini coefficient of the difficulty each operator served: 0 when all carried the same.</param>
/// <param name="DifficultyPerOperator">The difficulty each operator served, in operator order.</param>
public sealed record RunResult(
    string Scenario,
    int Seed,
    IReadOnlyList<DepartmentResult> Departments,
    DepartmentResult Center,
    int Lends,
    int Returns,
    double DifficultyGini,
    IReadOnlyList<double> DifficultyPerOperator);
