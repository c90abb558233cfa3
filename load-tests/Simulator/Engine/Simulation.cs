using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;
using Helpdesk.Simulator.Model;
using Helpdesk.Simulator.Results;

namespace Helpdesk.Simulator.Engine;

/// <summary>
/// A discrete-event simulation of a contact center in virtual time, routed by the silos' own rules: the department's queue order
/// (<see cref="QueueOrder"/>), the choice of an operator (<see cref="OperatorSelector"/>), the entry rule (<see cref="EntryRule"/>)
/// over karma from <see cref="KarmaCalculator"/>, the live load meter, and the balancer's planner (<see cref="Rebalancer"/>).
/// </summary>
/// <remarks>
/// Events at the same moment run in the order they were scheduled, and all randomness comes from one seeded generator, so a seed
/// always gives the same run. Contacts arrive until the scenario's duration; the run then goes on until every contact is answered
/// or given up, so late arrivals are measured whole. Only contacts arriving after the warm-up count.
/// </remarks>
internal sealed class Simulation
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly Scenario _scenario;
    private readonly Random _random;
    private readonly RoutingPolicy _routing;
    private readonly PriorityQueue<(EventKind Kind, object Subject, long Ticket), (double At, long Sequence)> _events = new();
    private readonly List<SimDepartment> _departments;
    private readonly Dictionary<string, SimDepartment> _departmentById;
    private readonly List<SimOperator> _operators = [];
    private readonly Dictionary<string, SimOperator> _operatorById = new(StringComparer.Ordinal);
    private readonly List<SimCustomer> _customers;
    private readonly double _warmup;
    private readonly double _end;
    private long _sequence;
    private int _contacts;
    private int _lends;
    private int _returns;
    private double _now;

    private Simulation(Scenario scenario, int seed)
    {
        _scenario = scenario;
        _random = new Random(seed);
        _routing = scenario.EffectiveRouting;
        _warmup = scenario.Warmup.TotalSeconds;
        _end = scenario.Duration.TotalSeconds;
        _departments = [.. scenario.Departments.Select(spec => new SimDepartment(spec, scenario.TimesOf(spec)))];
        _departmentById = _departments.ToDictionary(department => department.Id, StringComparer.Ordinal);
        _customers = Customers(scenario);
        for (var d = 0; d < _departments.Count; d++)
        {
            var spec = scenario.Departments[d];
            var own = Own(d);
            var number = 0;
            foreach (var group in spec.EffectiveGroups)
            {
                string[] serving = group.AlsoServes is { } other && !own.Contains(other) ? [.. own, other] : own;
                for (var i = 0; i < group.Count; i++)
                {
                    var id = $"{spec.Id}-{(group.Line == Line.L1 ? "l1" : "l2")}-{++number:00}";
                    var op = new SimOperator(id, group.Line, serving);
                    _operators.Add(op);
                    _operatorById.Add(id, op);
                }
            }
        }

        Rejoin();
    }

    private DateTimeOffset Now => Epoch.AddSeconds(_now);

    /// <summary>Runs <paramref name="scenario"/> once with <paramref name="seed"/>.</summary>
    public static RunResult Run(Scenario scenario, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(scenario));
        }

        return new Simulation(scenario, seed).Run(seed);
    }

    private RunResult Run(int seed)
    {
        foreach (var department in _departments)
        {
            for (var step = 1; step < department.Spec.Load.Count; step++)
            {
                Schedule(department.Spec.Load[step].From.TotalSeconds, EventKind.LoadStep, department, step);
            }

            ScheduleArrival(department);
        }

        if (_scenario.Staffing == Staffing.Balancer)
        {
            Schedule(_scenario.Balancer.Period.TotalSeconds, EventKind.BalancerRound, this);
        }

        Schedule(_scenario.Shift.TotalSeconds, EventKind.Shift, this);
        while (_events.TryDequeue(out var next, out var at))
        {
            _now = at.At;
            switch (next.Kind)
            {
                case EventKind.Arrival when next.Ticket == ((SimDepartment)next.Subject).ArrivalTicket:
                    Arrive((SimDepartment)next.Subject);
                    break;
                case EventKind.LoadStep:
                    var stepped = (SimDepartment)next.Subject;
                    stepped.Step = (int)next.Ticket;
                    stepped.ArrivalTicket++;
                    ScheduleArrival(stepped);
                    break;
                case EventKind.Patience:
                    GiveUp((SimContact)next.Subject);
                    break;
                case EventKind.Finish:
                    Finish((SimOperator)next.Subject);
                    break;
                case EventKind.BalancerRound:
                    Balance();
                    break;
                case EventKind.Shift when _now < _end:
                    _operators.ForEach(op => op.StartShift(Now));
                    Schedule(_now + _scenario.Shift.TotalSeconds, EventKind.Shift, this);
                    break;
            }
        }

        return Result(seed);
    }

    private void Schedule(double at, EventKind kind, object subject, long ticket = 0) =>
        _events.Enqueue((kind, subject, ticket), (at, _sequence++));

    /// <summary>Draws the department's next arrival at its current rate; a load step or the end of the run comes first, if sooner.</summary>
    private void ScheduleArrival(SimDepartment department)
    {
        var erlangs = department.Spec.Load[department.Step].Erlangs;
        if (erlangs <= 0)
        {
            return;
        }

        var at = _now - (department.Times.HandleTime.Mean / erlangs * Math.Log(1 - _random.NextDouble()));
        var nextStep = department.Step + 1 < department.Spec.Load.Count ? department.Spec.Load[department.Step + 1].From.TotalSeconds : double.PositiveInfinity;
        if (at < _end && at < nextStep)
        {
            Schedule(at, EventKind.Arrival, department, department.ArrivalTicket);
        }
    }

    private void Arrive(SimDepartment department)
    {
        ScheduleArrival(department);
        var customer = _customers[_random.Next(_customers.Count)];
        var needsSpecialist = _random.NextDouble() < (customer.Literate ? _scenario.Customers.LiterateNeedsSpecialist : _scenario.Customers.NeedsSpecialist);
        var line = department.Spec.Specialists > 0 && department.Spec.FirstLine > 0 && _scenario.Karma
            ? EntryRule.Decide(customer.Karma, Channel.Phone, department.Id, _scenario.KarmaPolicy).Line
            : department.Spec.FirstLine > 0 ? Line.L1 : Line.L2;
        var number = ++_contacts;
        var measured = _now >= _warmup;
        var contact = new SimContact(department, customer, _now, measured, needsSpecialist)
        {
            Routing = new WaitingContact(
                $"c{number}",
                customer.Id,
                Channel.Phone,
                Priority: 3,
                line,
                line,
                Skill: null,
                MinProficiency: 0,
                KarmaCalculator.Difficulty(customer.Karma),
                KarmaCalculator.IsCalm(customer.Karma, _scenario.KarmaPolicy),
                LastAgent: null,
                Excluded: [],
                RequiredOperator: null,
                Now,
                Now),
        };
        department.Meter.Arrived(Now);
        if (measured)
        {
            department.Tally.Arrived++;
        }

        department.Queue.Add(contact.Routing.ContactId, contact);
        Dispatch(department);
        if (!contact.Answered && department.Times.Patience is { } patience)
        {
            Schedule(_now + patience.Sample(_random), EventKind.Patience, contact);
        }
    }

    /// <summary>Offers the department's waiting contacts, in its serving order, to its free operators, as the department grain does.</summary>
    private void Dispatch(SimDepartment department)
    {
        if (department.Queue.Count == 0)
        {
            return;
        }

        var views = department.Views;
        if (!views.Any(view => view.CanTake(Channel.Phone)))
        {
            return;
        }

        foreach (var waiting in QueueOrder.InServingOrder(department.Waiting, Now, _routing).ToList())
        {
            var selection = OperatorSelector.Choose(waiting, views, _scenario.Strategy, _routing, Now, department.LastAssigned);
            if (selection.Ranked.Count == 0)
            {
                continue;
            }

            var op = _operatorById[selection.Ranked[0].OperatorId];
            Assign(department.Queue[waiting.ContactId], op);
            department.LastAssigned = op.Id;
            views = department.Views;
            if (!views.Any(view => view.CanTake(Channel.Phone)))
            {
                return;
            }
        }
    }

    private void Assign(SimContact contact, SimOperator op)
    {
        var department = contact.Department;
        department.Queue.Remove(contact.Routing.ContactId);
        if (!contact.Answered)
        {
            contact.Answered = true;
            var waited = _now - contact.ArrivedAt;
            department.Meter.Answered(Now, TimeSpan.FromSeconds(waited));
            if (contact.Measured)
            {
                department.Tally.Answered++;
                department.Tally.WaitSeconds += waited;
                department.Tally.AnsweredWithinTarget += waited <= department.Times.Target.TotalSeconds ? 1 : 0;
            }
        }

        if (contact.Measured)
        {
            op.DifficultyServed += contact.Routing.Difficulty;
        }

        op.Take(contact, contact.Routing.Difficulty);
        contact.ServiceStartedAt = _now;
        var handleTime = contact.Line == Line.L2 ? _scenario.SpecialistHandleTime ?? department.Times.HandleTime : department.Times.HandleTime;
        Schedule(_now + handleTime.Sample(_random), EventKind.Finish, op);
    }

    private void Finish(SimOperator op)
    {
        var contact = op.Holding!;
        var department = contact.Department;
        var duration = _now - contact.ServiceStartedAt;
        contact.OperatorSeconds += duration;
        op.BusySeconds += Math.Max(0, Math.Min(_now, _end) - Math.Max(contact.ServiceStartedAt, _warmup));
        department.Meter.Handled(TimeSpan.FromSeconds(duration));
        op.Release(Now);
        if (contact.Line == Line.L1 && contact.NeedsSpecialist && department.Spec.Specialists > 0)
        {
            contact.Routing = contact.Routing with { Line = Line.L2, MaxLine = Line.L2, EnteredAt = Now };
            department.Tally.Transfers += contact.Measured ? 1 : 0;
            department.Queue.Add(contact.Routing.ContactId, contact);
            Dispatch(department);
        }
        else
        {
            contact.Done = true;
            if (contact.Measured)
            {
                department.Tally.Solved++;
                department.Tally.OperatorSeconds += contact.OperatorSeconds;
            }
        }

        Freed(op);
    }

    /// <summary>A free operator's departments look for work for them: in the order they serve them, or the longest wait first when pooled.</summary>
    private void Freed(SimOperator op)
    {
        IEnumerable<SimDepartment> departments = op.Serving.Select(id => _departmentById[id]);
        if (_scenario.Staffing == Staffing.Pooled)
        {
            departments = departments
                .Where(department => department.Queue.Count > 0)
                .OrderBy(department => department.Queue.Values.Min(contact => contact.ArrivedAt))
                .ToList();
        }

        foreach (var department in departments)
        {
            if (op.Holding is not null)
            {
                return;
            }

            Dispatch(department);
        }
    }

    private void GiveUp(SimContact contact)
    {
        if (contact.Answered || contact.Done)
        {
            return;
        }

        var department = contact.Department;
        department.Queue.Remove(contact.Routing.ContactId);
        contact.Done = true;
        department.Meter.Abandoned(Now, TimeSpan.FromSeconds(_now - contact.ArrivedAt));
        department.Tally.Abandoned += contact.Measured ? 1 : 0;
    }

    /// <summary>One round of the balancer: the same pictures the balancer grain takes, the same planner, its moves carried out at once.</summary>
    private void Balance()
    {
        if (_now >= _end)
        {
            return;
        }

        var policy = _scenario.Balancer;
        var pictures = _departments.Select(department =>
        {
            var figures = department.Meter.Figures(Now, department.Views, [.. department.Waiting]);
            var growing = department.Queue.Count > department.LastQueueLength;
            department.LastQueueLength = department.Queue.Count;
            return new DepartmentPicture(
                department.Id,
                figures.ToDepartmentLoad(policy.Patience.TotalSeconds),
                department.Queue.Count,
                growing,
                [.. department.Members.Select(member => member.Picture)]);
        }).ToList();

        var proposals = Rebalancer.Plan(pictures, Now, policy);
        foreach (var proposal in proposals)
        {
            var op = _operatorById[proposal.OperatorId];
            if (proposal.Kind == BalancerProposalKind.Lend)
            {
                op.Lend(new Loan(proposal.To, Now, null, proposal.Reason, "balancer", KeepsHome: true, proposal.InReturnFor));
                _lends += _now >= _warmup ? 1 : 0;
            }
            else
            {
                op.Return(Now);
                _returns += _now >= _warmup ? 1 : 0;
            }
        }

        if (proposals.Count > 0)
        {
            Rejoin();
            _departments.ForEach(Dispatch);
        }

        Schedule(_now + policy.Period.TotalSeconds, EventKind.BalancerRound, this);
    }

    /// <summary>Each department's members: every operator who serves it now.</summary>
    private void Rejoin()
    {
        foreach (var department in _departments)
        {
            department.Members.Clear();
            department.Members.AddRange(_operators.Where(op => op.Serving.Contains(department.Id)));
        }
    }

    /// <summary>The departments an operator of department <paramref name="index"/> belongs to under the scenario's staffing, home first.</summary>
    private string[] Own(int index)
    {
        var ids = _scenario.Departments.Select(department => department.Id).ToArray();
        return _scenario.Staffing switch
        {
            Staffing.Pooled => [ids[index], .. ids.Where((_, i) => i != index)],
            Staffing.Chained when ids.Length > 1 => [ids[index], ids[(index + 1) % ids.Length]],
            _ => [ids[index]],
        };
    }

    /// <summary>The customers, rated by two specialists each when literate or difficult, so their karma is what the silos would compute.</summary>
    private List<SimCustomer> Customers(Scenario scenario)
    {
        var mix = scenario.Customers;
        var customers = new List<SimCustomer>(mix.Customers);
        for (var i = 0; i < mix.Customers; i++)
        {
            var literate = _random.NextDouble() < mix.Literate;
            var difficult = _random.NextDouble() < mix.Difficult;
            var id = $"k{i + 1}";
            List<Rating> ratings = literate || difficult
                ?
                [
                    new Rating("rater-1", $"{id}-a", Line.L2, 1, literate ? 5 : 3, difficult ? 1 : 4, Epoch),
                    new Rating("rater-2", $"{id}-b", Line.L2, 1, literate ? 5 : 3, difficult ? 1 : 4, Epoch),
                ]
                : [];
            customers.Add(new SimCustomer(id, KarmaCalculator.Of(ratings, Epoch, scenario.KarmaPolicy), literate));
        }

        return customers;
    }

    private RunResult Result(int seed)
    {
        var window = _end - _warmup;
        var results = _departments
            .Select(department => Figures(department.Id, department.Tally, _operators.Where(op => op.Home == department.Id).ToList(), window))
            .ToList();
        var center = new Tally();
        _departments.ForEach(department => center.Add(department.Tally));
        var difficulty = _operators.Select(op => op.DifficultyServed).ToList();
        return new RunResult(
            _scenario.Name,
            seed,
            results,
            Figures("center", center, _operators, window),
            _lends,
            _returns,
            Gini.Of(difficulty),
            difficulty);
    }

    private static DepartmentResult Figures(string id, Tally tally, IReadOnlyCollection<SimOperator> operators, double window) => new(
        id,
        tally.Arrived,
        tally.Answered,
        tally.Abandoned,
        Share(tally.AnsweredWithinTarget, tally.Arrived),
        tally.Answered == 0 ? 0 : tally.WaitSeconds / tally.Answered,
        Share(tally.Abandoned, tally.Arrived),
        operators.Count == 0 ? 0 : operators.Sum(op => op.BusySeconds) / (operators.Count * window),
        Share(tally.Transfers, tally.Arrived),
        tally.Solved == 0 ? 0 : tally.OperatorSeconds / tally.Solved);

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
