namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>What the operators' desktops and the customers did over a run.</summary>
/// <param name="Accepted">Contacts of the run accepted.</param>
/// <param name="Tasks">Contacts of the center's own accepted (callbacks of abandoned calls).</param>
/// <param name="RefusedAccepts">Accepts refused: the offer lapsed, was withdrawn, or the customer gave up first.</param>
/// <param name="AcceptsGivenUp">Accepts without an answer through every retry.</param>
/// <param name="Confirmed">Solutions the customers confirmed.</param>
/// <param name="Abandoned">Contacts the customers gave up.</param>
/// <param name="Reconnects">Event streams opened again after they broke.</param>
/// <param name="PresenceRestores">Operators set available again after an offer lapsed.</param>
internal sealed record DeskFigures(long Accepted, long Tasks, long RefusedAccepts, long AcceptsGivenUp, long Confirmed, long Abandoned, long Reconnects, long PresenceRestores);
