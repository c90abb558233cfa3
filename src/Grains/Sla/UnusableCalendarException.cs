namespace Helpdesk.Grains.Sla;

/// <summary>A work calendar was used for time arithmetic although <see cref="WorkCalendar.Problem"/> says it is unusable.</summary>
/// <remarks>Serializable, so a grain call that fails with it tells the caller why rather than failing to send the error.</remarks>
[GenerateSerializer, Alias("helpdesk.UnusableCalendarException")]
public sealed class UnusableCalendarException(string message) : InvalidOperationException(message);
