namespace Helpdesk.Grains.Karma;

/// <summary>A customer's karma: technical literacy and temperament, each with its confidence.</summary>
/// <param name="Literacy">Technical literacy.</param>
/// <param name="Temperament">Temperament; low is difficult.</param>
/// <param name="Ratings">How many ratings it rests on.</param>
[GenerateSerializer, Alias("helpdesk.CustomerKarma")]
public sealed record CustomerKarma([property: Id(0)] KarmaScore Literacy, [property: Id(1)] KarmaScore Temperament, [property: Id(2)] int Ratings)
{
    /// <summary>A customer nobody has rated.</summary>
    public static CustomerKarma Unknown { get; } = new(KarmaScore.Unknown, KarmaScore.Unknown, 0);
}
