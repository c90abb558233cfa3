using System.ComponentModel.DataAnnotations;
using Helpdesk.Grains.Access;

namespace Helpdesk.Api.Access;

/// <summary>Who may call the API, bound from the <c>Authentication</c> configuration section.</summary>
public sealed class AccessOptions
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string Section = "Authentication";

    /// <summary>
    /// An admin key given by the operator of the cluster (a secret of at least 32 characters, from a secret store), valid
    /// while it is configured. When set, no first key is generated.
    /// </summary>
    [MinLength(32)]
    public string? AdminKey { get; set; }

    /// <summary>Where a silo writes the admin key it generates on the cluster's first start, relative to the working directory. Default: <c>helpdesk-admin.key</c>.</summary>
    public string FirstKeyFile { get; set; } = "helpdesk-admin.key";

    /// <summary>The identity provider whose bearer tokens are accepted (OpenID Connect discovery), if any.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for; unchecked when empty.</summary>
    public string? Audience { get; set; }

    /// <summary>The issuer tokens must come from, with <see cref="SigningKey"/>; unchecked when empty.</summary>
    public string? Issuer { get; set; }

    /// <summary>A symmetric key (at least 32 characters) that signs accepted tokens (HS256), instead of an <see cref="Authority"/>.</summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    /// <summary>The token claim that holds the role (<c>integration</c>, <c>operator</c>, <c>supervisor</c>, <c>admin</c>). Default: <c>role</c>.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The token claim that holds an operator's id. Default: <c>operator_id</c>.</summary>
    public string OperatorClaim { get; set; } = "operator_id";

    /// <summary>The token claim that names the caller in the audit trail. Default: <c>sub</c>.</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>Whether <c>/metrics</c> answers without a key (default), or only to an admin.</summary>
    public bool AnonymousMetrics { get; set; } = true;

    /// <summary>How long a stream ticket opens event streams and the dashboard (a stream open then goes on). Default: 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "12:00:00")]
    public TimeSpan StreamTicketLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Switches authentication off: every caller is an admin. Only for a benchmark on a closed machine; the silo warns at start.</summary>
    public bool Disabled { get; set; }

    /// <summary>Whether bearer tokens from an identity provider are accepted.</summary>
    public bool AcceptsTokens => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);
}

/// <summary>Requests per second per credential, by role: the <c>RateLimits</c> configuration section.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string Section = "RateLimits";

    /// <summary>The center's IVR, forms and CRM: its whole traffic goes through a few keys.</summary>
    public RateLimit Integration { get; set; } = new() { PerSecond = 2000, Burst = 4000 };

    /// <summary>One operator's desktop.</summary>
    public RateLimit Operator { get; set; } = new() { PerSecond = 20, Burst = 60 };

    /// <summary>A supervisor's board and tools.</summary>
    public RateLimit Supervisor { get; set; } = new() { PerSecond = 50, Burst = 200 };

    /// <summary>Administration and automation.</summary>
    public RateLimit Admin { get; set; } = new() { PerSecond = 500, Burst = 2000 };

    /// <summary>The limit of <paramref name="role"/>.</summary>
    public RateLimit For(Role role) => role switch
    {
        Role.Integration => Integration,
        Role.Operator => Operator,
        Role.Supervisor => Supervisor,
        _ => Admin,
    };
}

/// <summary>A token bucket: <see cref="PerSecond"/> requests a second on average, up to <see cref="Burst"/> at once; both at least 1.</summary>
public sealed class RateLimit
{
    /// <summary>Requests a second, sustained.</summary>
    public int PerSecond { get; set; }

    /// <summary>Requests at once, after a quiet spell.</summary>
    public int Burst { get; set; }

    /// <summary>Whether it lets any request through.</summary>
    public bool IsValid => PerSecond >= 1 && Burst >= 1;
}
