namespace Helpdesk.Grains.Karma;

/// <summary>A customer's karma: technical literacy and temperament, each with its confidence.</summary>
/// <param name="Literacy">Technical literacy.</param>
/// <param name="Temperament">Temperament; low is difficult.</param>
/// <param name="Ratings">How many ratings it rests on.</param>
public sealed record CustomerKarma(KarmaScore Literacy, KarmaScore Temperament, int Ratings)
{
    /// <summary>A customer nobody has rated.</summary>
    public static CustomerKarma Unknown { get; } = new(KarmaScore.Unknown, KarmaScore.Unknown, 0);
}
