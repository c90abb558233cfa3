using Helpdesk.Simulator.Studies;

namespace Helpdesk.Simulator.Tests.Studies;

public sealed class KarmaStudyTests
{
    private static readonly IReadOnlyList<KarmaRow> Rows = KarmaStudy.Run(4, TimeSpan.FromHours(24));

    [Fact]
    public void Literate_customers_skipping_the_first_line_save_operator_time_and_transfers()
    {
        var on = Rows.Single(row => row.Karma && row.Fairness);
        var off = Rows.Single(row => !row.Karma);

        Assert.True(on.OperatorSeconds.Mean + on.OperatorSeconds.HalfWidth < off.OperatorSeconds.Mean - off.OperatorSeconds.HalfWidth, $"{on.OperatorSeconds.Plain()} s with karma, {off.OperatorSeconds.Plain()} s without");
        Assert.True(on.Transfers.Mean < off.Transfers.Mean);
    }

    [Fact]
    public void Fairness_spreads_difficult_customers_more_evenly()
    {
        var fair = Rows.Single(row => row.Karma && row.Fairness);
        var unfair = Rows.Single(row => row.Karma && !row.Fairness);

        Assert.True(fair.DifficultyGini.Mean + fair.DifficultyGini.HalfWidth < unfair.DifficultyGini.Mean - unfair.DifficultyGini.HalfWidth, $"Gini {fair.DifficultyGini.Plain("0.000")} fair, {unfair.DifficultyGini.Plain("0.000")} not");
    }
}
