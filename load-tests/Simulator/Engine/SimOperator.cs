using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Simulator.Engine;

/// <summary>One operator: their line, the departments they serve, and the contact they hold.</summary>
internal sealed class SimOperator(string id, Line line, IReadOnlyList<string> own)
{
    private static readonly IReadOnlyDictionary<string, int> NoSkills = new Dictionary<string, int>();
    private MemberView? _view;

    public string Id => id;

    public Line Line => line;

    /// <summary>Their home department, the first they belong to.</summary>
    public string Home => own[0];

    /// <summary>The departments they belong to, home first.</summary>
    public IReadOnlyList<string> Own => own;

    public Loan? Loan { get; private set; }

    public DateTimeOffset? LastMovedAt { get; private set; }

    public SimContact? Holding { get; private set; }

    public double DifficultyLoad { get; private set; }

    public DateTimeOffset IdleSince { get; private set; }

    /// <summary>Seconds spent in conversations inside the measured window.</summary>
    public double BusySeconds { get; set; }

    /// <summary>The difficulty of the customers they served inside the measured window.</summary>
    public double DifficultyServed { get; set; }

    private long _version;

    /// <summary>The departments whose contacts they take, in the order they look: their own, then a reserve's borrower, as in the silos; a whole loan's alone.</summary>
    public IReadOnlyList<string> Serving => Loan switch
    {
        null => own,
        { KeepsHome: true } loan => [.. own, loan.Department],
        var loan => [loan.Department],
    };

    /// <summary>What their departments know of them.</summary>
    public MemberView View => _view ??= new MemberView(
        id,
        line,
        NoSkills,
        Holding is null ? Presence.Available : Presence.Busy,
        new Dictionary<Channel, int> { [Channel.Phone] = Holding is null ? 1 : 0 },
        Holding is null ? 0 : 1,
        DifficultyLoad,
        MeetsKpi: true,
        IdleSince,
        _version);

    /// <summary>What the balancer sees of them.</summary>
    public MemberPicture Picture => new(id, line, NoSkills, Home, Loan, LastMovedAt, AtWork: true);

    public void Take(SimContact contact, double difficulty)
    {
        Holding = contact;
        DifficultyLoad += difficulty;
        Changed();
    }

    public void Release(DateTimeOffset now)
    {
        Holding = null;
        IdleSince = now;
        Changed();
    }

    public void StartShift(DateTimeOffset now)
    {
        DifficultyLoad = 0;
        if (Holding is null)
        {
            IdleSince = now;
        }

        Changed();
    }

    public void Lend(Loan loan)
    {
        Loan = loan;
        LastMovedAt = loan.Since;
        Changed();
    }

    public void Return(DateTimeOffset now)
    {
        Loan = null;
        LastMovedAt = now;
        Changed();
    }

    private void Changed()
    {
        _version++;
        _view = null;
    }
}
