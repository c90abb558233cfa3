using System.Globalization;

namespace Helpdesk.Simulator.Model;

/// <summary>A positive random duration in seconds: exponential, lognormal, or fixed.</summary>
/// <param name="Kind">Its shape.</param>
/// <param name="Mean">Its mean, in seconds.</param>
/// <param name="CoefficientOfVariation">Standard deviation over mean, for the lognormal.</param>
public sealed record Distribution(DistributionKind Kind, double Mean, double CoefficientOfVariation = 1)
{
    /// <summary>Exponential with the given mean.</summary>
    public static Distribution Exponential(double mean) => new(DistributionKind.Exponential, mean);

    /// <summary>Lognormal with the given mean and coefficient of variation.</summary>
    public static Distribution Lognormal(double mean, double coefficientOfVariation) => new(DistributionKind.Lognormal, mean, coefficientOfVariation);

    /// <summary>Always the mean.</summary>
    public static Distribution Fixed(double mean) => new(DistributionKind.Fixed, mean, 0);

    /// <summary>One draw.</summary>
    public double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (Kind)
        {
            case DistributionKind.Exponential:
                return -Mean * Math.Log(1 - random.NextDouble());
            case DistributionKind.Lognormal:
                var sigma2 = Math.Log(1 + (CoefficientOfVariation * CoefficientOfVariation));
                var mu = Math.Log(Mean) - (sigma2 / 2);
                return Math.Exp(mu + (Math.Sqrt(sigma2) * StandardNormal(random)));
            default:
                return Mean;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        DistributionKind.Exponential => string.Create(CultureInfo.InvariantCulture, $"exponential, mean {Mean:0.#} s"),
        DistributionKind.Lognormal => string.Create(CultureInfo.InvariantCulture, $"lognormal, mean {Mean:0.#} s, cv {CoefficientOfVariation:0.##}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"fixed {Mean:0.#} s"),
    };

    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
