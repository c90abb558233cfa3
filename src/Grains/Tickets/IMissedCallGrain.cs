using Helpdesk.Grains.Common;

namespace Helpdesk.Grains.Tickets;

/// <summary>A missed call, closed at once by the regulation: linked to where the customer was reached, or a callback task.</summary>
[Alias("helpdesk.IMissedCallGrain")]
public interface IMissedCallGrain : IGrainWithStringKey
{
    /// <summary>Records the call and closes it; replays the record for the same call, refuses another under the same id.</summary>
    [Alias("RegisterAsync")]
    Task<Reply<MissedCallRecord>> RegisterAsync(MissedCall call);

    /// <summary>The record; not found when never registered.</summary>
    [Alias("GetAsync")]
    Task<Reply<MissedCallRecord>> GetAsync();
}
