using Helpdesk.Grains.Common;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Grains.Tickets;

/// <summary>A missed call, closed at once by the regulation: linked to where the customer was reached, or a callback task.</summary>
public interface IMissedCallGrain : IGrainWithStringKey
{
    /// <summary>Records the call and closes it; replays the record for the same call, refuses another under the same id.</summary>
    Task<Reply<MissedCallRecord>> RegisterAsync(MissedCall call);

    /// <summary>The record; not found when never registered.</summary>
    Task<Reply<MissedCallRecord>> GetAsync();
}
