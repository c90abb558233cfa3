using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Threading.RateLimiting;
using Helpdesk.Grains.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Api.Access;

/// <summary>Adds and applies authentication, role policies, rate limits per credential and the audit trail.</summary>
internal static partial class AccessHosting
{
    /// <summary>Adds the services: the API key scheme, an identity provider's tokens when configured, and the rate limiter.</summary>
    public static IServiceCollection AddHelpdeskAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(limits => Enum.GetValues<Role>().All(role => limits.For(role).IsValid), "RateLimits: PerSecond and Burst are at least 1 for every role.")
            .ValidateOnStart();
        var access = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        var authentication = services.AddAuthentication(ApiKeyHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        if (access.AcceptsTokens)
        {
            authentication.AddJwtBearer(ApiKeyHandler.TokenScheme, jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.Authority = string.IsNullOrWhiteSpace(access.Authority) ? null : access.Authority;
                jwt.RequireHttpsMetadata = jwt.Authority?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ?? false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateAudience = !string.IsNullOrWhiteSpace(access.Audience),
                    ValidAudience = access.Audience,
                    ValidateIssuer = !string.IsNullOrWhiteSpace(access.Issuer) || jwt.Authority is not null,
                    ValidIssuer = access.Issuer,
                    IssuerSigningKey = string.IsNullOrWhiteSpace(access.SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(access.SigningKey)),
                    RoleClaimType = access.RoleClaim,
                    NameClaimType = access.NameClaim,
                };
            });
        }

        services.AddAuthorization();
        services.AddHostedService<AccessWarning>();
        if (!access.Disabled)
        {
            services.AddRateLimiter(limiter => limiter.OnRejected = RefuseAsync);
            services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
            {
                var buckets = Enum.GetValues<Role>().ToDictionary(role => role, role => Bucket(limits.Value.For(role)));
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PartitionOf(context, buckets));
            });
        }

        return services;
    }

    /// <summary>Authenticates, limits each credential's rate, authorizes, and records audited actions, in that order.</summary>
    public static WebApplication UseHelpdeskAccess(this WebApplication app)
    {
        app.UseAuthentication();
        if (!app.Services.GetRequiredService<IOptions<AccessOptions>>().Value.Disabled)
        {
            app.UseRateLimiter();
        }

        app.UseAuthorization();
        app.Use(AuditTrail.RecordAsync);
        return app;
    }

    /// <summary>One token bucket per credential, sized by its role; anonymous requests (health) are not limited here.</summary>
    private static RateLimitPartition<string> PartitionOf(HttpContext context, Dictionary<Role, Func<string, RateLimiter>> buckets)
    {
        var user = context.User;
        if (user.FindFirst(ClaimTypes.Role)?.Value is not { } name || !Common.EnumNames.TryParse<Role>(name, out var role))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var key = user.FindFirst(Caller.CredentialClaim)?.Value ?? $"{name}:{Caller.NameOf(user)}:{user.FindFirst(Caller.OperatorClaim)?.Value}";
        return RateLimitPartition.Get(key, buckets[role]);
    }

    /// <summary>A new token bucket of <paramref name="limit"/> for each credential.</summary>
    private static Func<string, RateLimiter> Bucket(RateLimit limit)
    {
        var options = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = limit.PerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        return _ => new TokenBucketRateLimiter(options);
    }

    private static ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var role = Caller.IdentityOf(rejected.HttpContext.User) is { } caller ? Common.EnumNames.Name(caller.Role) : "none";
        return new ValueTask(AccessProblems.WriteAsync(
            rejected.HttpContext,
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            $"This credential sent more requests than its role ({role}) may; retry after {seconds} s."));
    }

    /// <summary>Says at start when authentication is off.</summary>
    private sealed partial class AccessWarning(IOptions<AccessOptions> access, ILogger<AccessWarning> log) : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (access.Value.Disabled)
            {
                LogDisabled(log);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication is off (Authentication:Disabled): every caller is an admin and nothing is rate limited. Never run a center so.")]
        private static partial void LogDisabled(ILogger logger);
    }
}
