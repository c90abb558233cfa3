using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Access;

/// <summary>Marks a GET endpoint that a stream ticket opens (event streams, the Orleans dashboard); names a ticket's grain and cookie.</summary>
internal sealed class StreamTickets
{
    /// <summary>The cookie that carries a ticket: HTTP-only, this site only.</summary>
    public const string Cookie = "helpdesk_ticket";

    /// <summary>Sets <paramref name="ticket"/> as the cookie until it expires.</summary>
    public static void SetCookie(HttpResponse response, string ticket, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(Cookie, ticket, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
            Expires = expiresAt,
        });
    }

    /// <summary>The key of the grain that holds <paramref name="ticket"/>: its SHA-256, so the ticket itself is named nowhere.</summary>
    public static string KeyOf(string ticket) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ticket)));
}
