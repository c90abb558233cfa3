using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Routing;

internal static class SelectionExtensions
{
    /// <summary>The ranked operators, best first.</summary>
    public static string[] OperatorIds(this Selection selection) =>
        [.. selection.Ranked.Select(candidate => candidate.OperatorId)];
}
