namespace Helpdesk.Simulator.Results;

/// <summary>The Gini coefficient: how unevenly a quantity is spread, 0 for perfectly even, near 1 when one holds it all.</summary>
public static class Gini
{
    /// <summary>The coefficient of <paramref name="values"/>, none negative; 0 for none or all zero.</summary>
    public static double Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var total = sorted.Sum();
        if (sorted.Length == 0 || total <= 0)
        {
            return 0;
        }

        // G = Σ (2i − n − 1)·x_i / (n·Σx), with x sorted ascending and i from 1.
        var weighted = sorted.Select((value, index) => ((2.0 * (index + 1)) - sorted.Length - 1) * value).Sum();
        return weighted / (sorted.Length * total);
    }
}
