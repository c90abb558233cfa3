namespace Helpdesk.Grains.Balancing;

/// <summary>Erlang A (M/M/N+M, Palm's model): Poisson arrivals, exponential handle times, N agents, and callers who hang up after an exponential patience.</summary>
/// <remarks>
/// <para>
/// The number n of callers in the system is a birth–death chain: births at λ, deaths at n·μ up to N and at N·μ + (n − N)·γ past it,
/// with μ = 1/h and γ = 1/θ. Up to N it behaves as M/M/N, so Erlang B gives the mass below N relative to p(N) without summing
/// factorials; the queue's terms follow by their ratios and stop once the rest of the tail is provably below 1e-17 of the total.
/// The work is one pass over the states that carry mass: a few hundred steps for a couple of hundred agents.
/// </para>
/// <para>
/// An arriving caller sees the steady state (PASTA). One who finds N + k takes queue position j = k + 1. At position i the callers
/// ahead leave at r_i = N·μ + (i − 1)·γ and the caller itself hangs up at γ; it is answered within T when the hypoexponential sum of
/// Exp(r_j … r_1) is at most T and its patience outlasts that sum. With a = N·μ/γ this equals a/(a + j) · I_x(j, a + 1),
/// x = 1 − e^(−γT): the rates r_i + γ = γ(a + i) are those of an order statistic of exponentials, and the products r_i/(r_i + γ)
/// telescope. The regularized beta is one minus a negative binomial distribution function, built term by term along the queue.
/// The mean wait of an answered caller at position j is a/(a + j) · Σ_{i≤j} 1/(N·μ + i·γ).
/// </para>
/// </remarks>
public static class ErlangA
{
    /// <summary>The most callers the model lets wait; an arrival that finds it full counts as abandoned.</summary>
    /// <remarks>Reached only when the excess arrivals times the patience, (λ − N/h)·θ, approach it: a queue of days-patient callers, not of real ones.</remarks>
    public const int MaxQueueLength = 100_000;

    private const double Negligible = 1e-17;
    private const double Rescale = 1e200;

    /// <summary>The steady state of <paramref name="agents"/> agents answering <paramref name="arrivalsPerSecond"/> callers of mean patience <paramref name="patienceSeconds"/>.</summary>
    /// <param name="arrivalsPerSecond">The arrival rate λ.</param>
    /// <param name="handleTimeSeconds">The mean handle time h.</param>
    /// <param name="agents">The agents answering, N.</param>
    /// <param name="patienceSeconds">The mean patience θ, finite: use <see cref="ErlangC"/> for callers who never hang up.</param>
    /// <param name="targetSeconds">The target answer time T of the service levels.</param>
    /// <remarks>Without arrivals no one waits and everyone is answered in time; without agents everyone waits and hangs up.</remarks>
    public static ErlangAMetrics Evaluate(double arrivalsPerSecond, double handleTimeSeconds, int agents, double patienceSeconds, double targetSeconds)
    {
        Guard.Arrivals(arrivalsPerSecond);
        Guard.HandleTime(handleTimeSeconds);
        Guard.Agents(agents);
        Guard.Patience(patienceSeconds);
        Guard.Target(targetSeconds);

        if (arrivalsPerSecond == 0)
        {
            return new(0, 0, 0, 0, 0, 1, 1, 0);
        }

        if (agents == 0)
        {
            var waiting = arrivalsPerSecond * patienceSeconds;
            return new(1, 1, waiting, patienceSeconds, double.PositiveInfinity, 0, 0, 0);
        }

        var load = arrivalsPerSecond * handleTimeSeconds;
        var blocking = ErlangC.ErlangB(load, agents);
        if (blocking == 0)
        {
            // Erlang B underflowed: p(N) is negligible beside the states below it, so no one waits.
            return new(0, 0, 0, 0, 0, 1, 1, load / agents);
        }

        var serviceRate = agents / handleTimeSeconds;
        var abandonRate = 1 / patienceSeconds;
        var walk = new QueueWalk(serviceRate, abandonRate, targetSeconds);

        // All sums are relative to p(N) = 1 and share one scale, so dividing them alike keeps every ratio.
        var below = (1 / blocking) - 1;
        double term = 1, mass = 0, queued = 0, full = 0, answeredInTime = 0, answeredWait = 0;
        for (var k = 0; ; k++)
        {
            mass += term;
            queued += k * term;
            if (k == MaxQueueLength)
            {
                full = term;
                break;
            }

            walk.Advance();
            answeredInTime += term * walk.AnsweredWithinTarget;
            answeredWait += term * walk.AnsweredWait;

            var ratio = arrivalsPerSecond / (serviceRate + ((k + 1) * abandonRate));
            if (ratio < 1 && term * ratio / (1 - ratio) <= Negligible * (below + mass))
            {
                break;
            }

            term *= ratio;
            if (term > Rescale)
            {
                term /= Rescale;
                below /= Rescale;
                mass /= Rescale;
                queued /= Rescale;
                answeredInTime /= Rescale;
                answeredWait /= Rescale;
            }
        }

        var total = below + mass;
        var queueLength = queued / total;
        var abandonment = Math.Min(1, (queueLength / (arrivalsPerSecond * patienceSeconds)) + (full / total));
        var answered = 1 - abandonment;
        var serviceLevel = Math.Min(1, (below + answeredInTime) / total);

        return new(
            ProbabilityOfWait: mass / total,
            Abandonment: abandonment,
            AverageQueueLength: queueLength,
            AverageWait: queueLength / arrivalsPerSecond,
            AverageSpeedOfAnswer: answered > 0 ? answeredWait / total / answered : double.PositiveInfinity,
            ServiceLevel: serviceLevel,
            ServiceLevelOfAnswered: answered > 0 ? Math.Min(1, serviceLevel / answered) : 0,
            Occupancy: Math.Min(1, load * answered / agents));
    }

    /// <summary>The probability that a caller now at queue <paramref name="position"/> (1 = next) is answered within <paramref name="targetSeconds"/>.</summary>
    /// <param name="position">The caller's place in the queue, 1 for the next to be answered.</param>
    /// <param name="agents">The agents answering, all busy.</param>
    /// <param name="handleTimeSeconds">The mean handle time h.</param>
    /// <param name="patienceSeconds">The mean patience θ of the caller and of those ahead.</param>
    /// <param name="targetSeconds">How long from now counts as in time.</param>
    /// <remarks>Patience is memoryless, so how long the caller has already waited does not matter. Costs one step per position.</remarks>
    public static double ProbabilityAnsweredWithin(int position, int agents, double handleTimeSeconds, double patienceSeconds, double targetSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(position);
        Guard.Agents(agents);
        Guard.HandleTime(handleTimeSeconds);
        Guard.Patience(patienceSeconds);
        Guard.Target(targetSeconds);

        var walk = new QueueWalk(agents / handleTimeSeconds, 1 / patienceSeconds, targetSeconds);
        for (var j = 1; j <= position; j++)
        {
            walk.Advance();
        }

        return walk.AnsweredWithinTarget;
    }

    /// <summary>A tagged caller's chances, one queue position further back with each <see cref="Advance"/>.</summary>
    private struct QueueWalk
    {
        private readonly double _serviceRate;
        private readonly double _abandonRate;
        private readonly double _shape;
        private readonly double _firstLogTerm;
        private readonly double _logX;
        private int _position;
        private double _logTerm;
        private double _distribution;
        private double _meanWait;

        public QueueWalk(double serviceRate, double abandonRate, double targetSeconds)
        {
            _serviceRate = serviceRate;
            _abandonRate = abandonRate;
            _shape = serviceRate / abandonRate;
            _firstLogTerm = -(serviceRate + abandonRate) * targetSeconds;
            _logX = Math.Log(-ExpM1(-abandonRate * targetSeconds));
        }

        /// <summary>P(answered within the target) at the current position.</summary>
        public double AnsweredWithinTarget { get; private set; }

        /// <summary>E[wait; answered] at the current position: the mean wait times the chance to be answered.</summary>
        public double AnsweredWait { get; private set; }

        public void Advance()
        {
            _position++;

            // Negative binomial terms C(m + b − 1, m)·x^m·(1 − x)^b with b = a + 1; their sum below j is 1 − I_x(j, b).
            var m = _position - 1;
            _logTerm = m == 0 ? _firstLogTerm : _logTerm + _logX + Math.Log((m + _shape) / m);
            _distribution += Math.Exp(_logTerm);
            _meanWait += 1 / (_serviceRate + (_position * _abandonRate));

            var answered = _shape / (_shape + _position);
            AnsweredWithinTarget = answered * Math.Max(0, 1 - _distribution);
            AnsweredWait = answered * _meanWait;
        }

        /// <summary>e^z − 1 without cancellation near 0 (Kahan's trick), which the target's share of a long patience needs.</summary>
        private static double ExpM1(double z)
        {
            var u = Math.Exp(z);
            if (u == 1)
            {
                return z;
            }

            var um1 = u - 1;
            return um1 == -1 ? -1 : um1 * z / Math.Log(u);
        }
    }
}
