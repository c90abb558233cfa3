using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Routing;
using Helpdesk.Simulator.Model;

namespace Helpdesk.Simulator.Planning;

/// <summary>
/// Reads a center's own scenario from JSON (the schema is in the README): its departments, the policies to compare, its
/// customers and how long to simulate. Every field is checked; a file with any error gives every error, each named by its
/// path (<c>departments[1].handleTime.mean</c>), and no plan.
/// </summary>
public static partial class ScenarioFile
{
    /// <summary>Customers in a scenario's population; each calls as often as the others.</summary>
    public const int Customers = 10_000;

    private const int MaxDepartments = 100;
    private const int MaxOperators = 10_000;
    private const double MaxSeconds = 86_400;
    private const double MaxArrivalsPerHour = 1_000_000;

    private static readonly string[] TopFields = ["name", "departments", "policy", "balancer", "customers", "hours", "warmupHours", "replications", "seed"];
    private static readonly string[] DepartmentFields = ["id", "operators", "arrivalsPerHour", "handleTime", "patience", "serviceLevelSeconds"];
    private static readonly string[] TimeFields = ["mean", "distribution", "cv"];
    private static readonly string[] GroupFields = ["count", "line", "alsoServes"];
    private static readonly string[] CustomerFields = ["literate", "difficult", "karma", "needsSpecialist", "literateNeedsSpecialist"];

    private static readonly JsonSerializerOptions BalancerJson = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static ScenarioReading Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Read(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ScenarioReading.Refused(new FieldError("file", exception.Message));
        }
    }

    /// <summary>Reads a scenario from <paramref name="json"/>; <paramref name="fallbackName"/> names it when it has no name.</summary>
    public static ScenarioReading Read(string json, string fallbackName = "scenario")
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            return ScenarioReading.Refused(new FieldError("file", $"Not JSON: {exception.Message}"));
        }

        var errors = new Errors();
        if (root is not JsonObject top)
        {
            return ScenarioReading.Refused(new FieldError("file", "Give a JSON object with departments and policy."));
        }

        errors.Unknown(top, "", TopFields);
        var name = errors.Text(top, "name", "", required: false) ?? fallbackName;
        var hours = errors.Number(top, "hours", "", 24, minimum: 1, maximum: 100_000);
        var warmupHours = errors.Number(top, "warmupHours", "", 1, minimum: 0, maximum: 1_000);
        var replications = (int)errors.Number(top, "replications", "", 10, minimum: 2, maximum: 100, whole: true);
        var seed = (int)errors.Number(top, "seed", "", 1, minimum: 0, maximum: int.MaxValue, whole: true);
        var policies = Policies(top, errors);
        var balancer = Balancer(top, errors);
        var customers = CustomerSettings(top, errors);
        var departments = Departments(top, errors, TimeSpan.FromHours(hours + warmupHours));
        if (errors.Any)
        {
            return ScenarioReading.Refused([.. errors.List]);
        }

        var scenario = new Scenario(
            name,
            departments,
            policies[0],
            departments[0].Times!.HandleTime,
            departments[0].Times!.Patience,
            TimeSpan.FromHours(hours + warmupHours),
            TimeSpan.FromHours(warmupHours))
        {
            Balancer = balancer,
            Customers = customers.Mix,
            Karma = customers.Karma,
        };
        return scenario.Problem() is { } problem
            ? ScenarioReading.Refused(new FieldError("file", problem))
            : ScenarioReading.Planned(new ScenarioPlan(scenario, policies, replications, seed));
    }

    private static List<Staffing> Policies(JsonObject top, Errors errors)
    {
        var node = errors.Required(top, "policy", "");
        List<(JsonNode? Node, string Path)> items = node switch
        {
            JsonArray list when list.Count > 0 => [.. list.Select((item, i) => (item, $"policy[{i}]"))],
            JsonArray => [],
            null => [],
            _ => [(node, "policy")],
        };
        if (node is JsonArray { Count: 0 })
        {
            errors.Add("policy", "Name at least one policy.");
        }

        var policies = new List<Staffing>();
        foreach (var (item, path) in items)
        {
            if (errors.Name<Staffing>(item, path) is { } policy)
            {
                if (policies.Contains(policy))
                {
                    errors.Add(path, $"{Wire(policy)} is named twice.");
                }

                policies.Add(policy);
            }
        }

        return policies.Count > 0 ? policies : [Staffing.Dedicated];
    }

    private static BalancerPolicy Balancer(JsonObject top, Errors errors)
    {
        if (top["balancer"] is not { } node)
        {
            return BalancerPolicy.Default;
        }

        try
        {
            var policy = node.Deserialize<BalancerPolicy>(BalancerJson) ?? BalancerPolicy.Default;
            if (policy.Problem() is { } problem)
            {
                errors.Add("balancer", problem);
            }

            return policy;
        }
        catch (JsonException exception)
        {
            errors.Add(exception.Path is { Length: > 1 } at ? $"balancer{at[1..]}" : "balancer", exception.Message);
            return BalancerPolicy.Default;
        }
    }

    private static (CustomerMix Mix, bool Karma) CustomerSettings(JsonObject top, Errors errors)
    {
        if (top["customers"] is null)
        {
            return (CustomerMix.Unrated, false);
        }

        if (top["customers"] is not JsonObject customers)
        {
            errors.Add("customers", "Give an object: literate, difficult, karma, needsSpecialist, literateNeedsSpecialist.");
            return (CustomerMix.Unrated, false);
        }

        errors.Unknown(customers, "customers", CustomerFields);
        var literate = errors.Number(customers, "literate", "customers", 0, minimum: 0, maximum: 1);
        var difficult = errors.Number(customers, "difficult", "customers", 0, minimum: 0, maximum: 1);
        var needsSpecialist = errors.Number(customers, "needsSpecialist", "customers", 0, minimum: 0, maximum: 1);
        var literateNeedsSpecialist = errors.Number(customers, "literateNeedsSpecialist", "customers", 0, minimum: 0, maximum: 1);
        var karma = errors.Flag(customers, "karma", "customers", true);
        return (new CustomerMix(Customers, literate, difficult, needsSpecialist, literateNeedsSpecialist), karma);
    }

    private static List<DepartmentSpec> Departments(JsonObject top, Errors errors, TimeSpan duration)
    {
        var node = errors.Required(top, "departments", "");
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray list || list.Count is 0 or > MaxDepartments)
        {
            errors.Add("departments", $"Give a list of 1 to {MaxDepartments} departments.");
            return [];
        }

        var ids = list.Select(item => (item as JsonObject)?["id"]?.GetValueKind() == JsonValueKind.String ? (string?)item!["id"] : null).ToList();
        var departments = new List<DepartmentSpec>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"departments[{i}]";
            if (list[i] is not JsonObject department)
            {
                errors.Add(path, "Give a department as an object.");
                continue;
            }

            errors.Unknown(department, path, DepartmentFields);
            var id = errors.Text(department, "id", path, required: true);
            if (id is not null && !IdShape().IsMatch(id))
            {
                errors.Add($"{path}.id", "Give 1 to 100 letters, digits or . _ : @ + -, with a letter or digit.");
            }
            else if (id is not null && ids.IndexOf(id) != i)
            {
                errors.Add($"{path}.id", $"{id} is the id of departments[{ids.IndexOf(id)}] already.");
            }

            var handleTime = errors.Time(errors.Required(department, "handleTime", path), $"{path}.handleTime");
            var patienceNode = errors.Required(department, "patience", path, nullAllowed: true);
            var patience = patienceNode is null ? null : errors.Time(patienceNode, $"{path}.patience");
            var target = errors.Number(department, "serviceLevelSeconds", path, 20, minimum: 1, maximum: 3_600);
            var arrivals = ArrivalsPerHour(errors.Required(department, "arrivalsPerHour", path), $"{path}.arrivalsPerHour", errors);
            var groups = Groups(errors.Required(department, "operators", path), $"{path}.operators", id, ids, errors);
            if (id is null || handleTime is null || arrivals is null || groups is null || (patienceNode is not null && patience is null))
            {
                continue;
            }

            var l1 = groups.Where(group => group.Line == Line.L1).Sum(group => group.Count);
            departments.Add(new DepartmentSpec(id, Steps(arrivals, handleTime.Mean, duration), l1, groups.Sum(group => group.Count) - l1)
            {
                Times = new DepartmentTimes(handleTime, patience, TimeSpan.FromSeconds(target)),
                Groups = groups,
            });
        }

        return departments;
    }

    /// <summary>The load steps of an arrival profile repeated day after day, in erlangs of <paramref name="handleTimeSeconds"/>; a step only where the rate changes.</summary>
    private static List<LoadStep> Steps(double[] arrivalsPerHour, double handleTimeSeconds, TimeSpan duration)
    {
        var steps = new List<LoadStep>();
        for (var hour = 0; hour < Math.Ceiling(duration.TotalHours); hour++)
        {
            var erlangs = arrivalsPerHour[hour % arrivalsPerHour.Length] / 3_600 * handleTimeSeconds;
            if (steps.Count == 0 || steps[^1].Erlangs != erlangs)
            {
                steps.Add(new LoadStep(TimeSpan.FromHours(hour), erlangs));
            }
        }

        return steps;
    }

    private static double[]? ArrivalsPerHour(JsonNode? node, string path, Errors errors)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray { Count: 24 } profile:
                var rates = profile.Select((item, hour) => errors.NumberOf(item, $"{path}[{hour}]", minimum: 0, maximum: MaxArrivalsPerHour)).ToList();
                return rates.All(rate => rate is not null) ? [.. rates.Select(rate => rate!.Value)] : null;
            case JsonArray:
                errors.Add(path, "Give one number, or 24: one per hour of the day from midnight.");
                return null;
            default:
                return errors.NumberOf(node, path, minimum: 0, maximum: MaxArrivalsPerHour) is { } rate ? [rate] : null;
        }
    }

    private static List<OperatorGroup>? Groups(JsonNode? node, string path, string? self, List<string?> ids, Errors errors)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray { Count: > 0 } list:
                var groups = new List<OperatorGroup>();
                for (var i = 0; i < list.Count; i++)
                {
                    var at = $"{path}[{i}]";
                    if (list[i] is not JsonObject group)
                    {
                        errors.Add(at, "Give a group as an object: count, line, alsoServes.");
                        continue;
                    }

                    errors.Unknown(group, at, GroupFields);
                    var count = errors.RequiredNumber(group, "count", at, minimum: 0, maximum: MaxOperators, whole: true);
                    var line = group["line"] is null ? Line.L1 : errors.Name<Line>(group["line"], $"{at}.line");
                    if (line is not (null or Line.L1 or Line.L2))
                    {
                        errors.Add($"{at}.line", "Use l1 (first line) or l2 (specialists).");
                        line = null;
                    }

                    var also = errors.Text(group, "alsoServes", at, required: false);
                    if (also is not null && (also == self || !ids.Contains(also)))
                    {
                        errors.Add($"{at}.alsoServes", "Name another department of this scenario.");
                    }

                    if (count is { } whole && line is { } known)
                    {
                        groups.Add(new OperatorGroup((int)whole, known, also));
                    }
                }

                if (groups.Count == list.Count && groups.Sum(group => group.Count) is 0 or > MaxOperators)
                {
                    errors.Add(path, $"Give 1 to {MaxOperators:N0} operators in all.");
                }

                return groups.Count == list.Count ? groups : null;
            case JsonArray:
                errors.Add(path, "Give a number of operators, or a list of groups.");
                return null;
            default:
                return errors.NumberOf(node, path, minimum: 1, maximum: MaxOperators, whole: true) is { } operators ? [new OperatorGroup((int)operators, Line.L1)] : null;
        }
    }

    /// <summary>A policy's name in files and reports.</summary>
    public static string Wire(Staffing policy) => policy.ToString().ToLowerInvariant();

    [GeneratedRegex(@"^(?=.*[A-Za-z0-9])[A-Za-z0-9._:@+\-]{1,100}$")]
    private static partial Regex IdShape();

    /// <summary>The errors found so far, with the small readers that find them.</summary>
    private sealed class Errors
    {
        public List<FieldError> List { get; } = [];

        public bool Any => List.Count > 0;

        public void Add(string field, string message) => List.Add(new FieldError(field, message));

        public void Unknown(JsonObject node, string path, string[] known)
        {
            foreach (var (field, _) in node)
            {
                if (!known.Contains(field, StringComparer.Ordinal))
                {
                    Add(Join(path, field), $"Not a field here; the fields are {string.Join(", ", known)}.");
                }
            }
        }

        public JsonNode? Required(JsonObject node, string field, string path, bool nullAllowed = false)
        {
            if (!node.ContainsKey(field))
            {
                Add(Join(path, field), nullAllowed ? "Required (null when customers never give up)." : "Required.");
            }
            else if (node[field] is null && !nullAllowed)
            {
                Add(Join(path, field), "Must not be null.");
            }

            return node[field];
        }

        public string? Text(JsonObject node, string field, string path, bool required)
        {
            var value = required ? Required(node, field, path) : node[field];
            if (value is null)
            {
                return null;
            }

            if (value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace((string?)value))
            {
                Add(Join(path, field), "Give a text that is not empty.");
                return null;
            }

            return (string?)value;
        }

        public double Number(JsonObject node, string field, string path, double fallback, double minimum, double maximum, bool whole = false) =>
            node.ContainsKey(field) ? NumberOf(node[field], Join(path, field), minimum, maximum, whole) ?? fallback : fallback;

        /// <summary>A number that must be there: one error when it is missing, another when it is wrong.</summary>
        public double? RequiredNumber(JsonObject node, string field, string path, double minimum, double maximum, bool whole = false) =>
            Required(node, field, path) is { } value ? NumberOf(value, Join(path, field), minimum, maximum, whole) : null;

        public double? NumberOf(JsonNode? node, string path, double minimum, double maximum, bool whole = false)
        {
            if (node?.GetValueKind() != JsonValueKind.Number)
            {
                Add(path, "Give a number.");
                return null;
            }

            var value = node.GetValue<double>();
            if (value < minimum || value > maximum || (whole && value != Math.Floor(value)))
            {
                Add(path, string.Create(CultureInfo.InvariantCulture, $"Give {(whole ? "a whole number" : "a number")} from {minimum:G} to {maximum:G}."));
                return null;
            }

            return value;
        }

        public bool Flag(JsonObject node, string field, string path, bool fallback)
        {
            if (node[field] is not { } value)
            {
                if (node.ContainsKey(field))
                {
                    Add(Join(path, field), "Give true or false.");
                }

                return fallback;
            }

            if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                Add(Join(path, field), "Give true or false.");
                return fallback;
            }

            return value.GetValue<bool>();
        }

        public T? Name<T>(JsonNode? node, string path) where T : struct, Enum
        {
            if (node?.GetValueKind() == JsonValueKind.String && Words<T>.Values.TryGetValue((string)node!, out var value))
            {
                return value;
            }

            Add(path, $"Use one of: {string.Join(", ", Words<T>.Values.Keys)}.");
            return null;
        }

        /// <summary>Each value of <typeparamref name="T"/> by its lower-case name, made once per type.</summary>
        private static class Words<T> where T : struct, Enum
        {
            public static readonly Dictionary<string, T> Values = Enum.GetValues<T>().ToDictionary(value => value.ToString().ToLowerInvariant(), StringComparer.Ordinal);
        }

        public Distribution? Time(JsonNode? node, string path)
        {
            if (node is null)
            {
                return null;
            }

            if (node is not JsonObject time)
            {
                Add(path, "Give an object: mean (seconds), distribution (exponential, lognormal with cv, or constant).");
                return null;
            }

            var errorsBefore = List.Count;
            Unknown(time, path, TimeFields);
            var mean = RequiredNumber(time, "mean", path, minimum: 0.001, maximum: MaxSeconds);
            var kind = Required(time, "distribution", path) is { } named ? Name<TimeShape>(named, $"{path}.distribution") : null;
            double? cv = null;
            if (kind == TimeShape.Lognormal)
            {
                cv = RequiredNumber(time, "cv", path, minimum: 0.01, maximum: 10);
            }
            else if (time.ContainsKey("cv"))
            {
                Add($"{path}.cv", "Only a lognormal distribution takes a cv.");
            }

            if (List.Count > errorsBefore || mean is not { } seconds)
            {
                return null;
            }

            return kind switch
            {
                TimeShape.Exponential => Distribution.Exponential(seconds),
                TimeShape.Lognormal => Distribution.Lognormal(seconds, cv!.Value),
                _ => Distribution.Fixed(seconds),
            };
        }

        private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
    }

    /// <summary>The shapes a file names.</summary>
    private enum TimeShape
    {
        Exponential,
        Lognormal,
        Constant,
    }
}

/// <summary>A field of a scenario file and what is wrong with it.</summary>
/// <param name="Field">Its path, e.g. <c>departments[0].handleTime.mean</c>.</param>
/// <param name="Message">What to give instead.</param>
public sealed record FieldError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>What reading a scenario file gave: a plan, or the errors that stop it.</summary>
public sealed record ScenarioReading(ScenarioPlan? Plan, IReadOnlyList<FieldError> Errors)
{
    /// <summary>A plan.</summary>
    public static ScenarioReading Planned(ScenarioPlan plan) => new(plan, []);

    /// <summary>No plan, for these reasons.</summary>
    public static ScenarioReading Refused(params FieldError[] errors) => new(null, errors);
}

/// <summary>A scenario read from a file: the center, the policies to compare, and how to replicate it.</summary>
/// <param name="Scenario">The center under the first policy.</param>
/// <param name="Policies">The policies to compare, in the file's order.</param>
/// <param name="Replications">Seeded replications of each.</param>
/// <param name="Seed">The first seed.</param>
public sealed record ScenarioPlan(Scenario Scenario, IReadOnlyList<Staffing> Policies, int Replications, int Seed)
{
    /// <summary>The scenario under <paramref name="policy"/>.</summary>
    public Scenario Under(Staffing policy) => Scenario with { Name = $"{Scenario.Name} {ScenarioFile.Wire(policy)}", Staffing = policy };
}
