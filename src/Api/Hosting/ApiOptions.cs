using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Api.Hosting;

/// <summary>Settings of the HTTP API, bound from the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string Section = "Api";

    /// <summary>
    /// How long the API keeps serving after a stop begins, answering 503 at <c>/health/ready</c> so load balancers take
    /// the silo out, before open event streams end and HTTP stops. Default: 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(2);
}
