using System.Net.Http.Headers;

namespace Helpdesk.Testing;

/// <summary>The admin key the tests configure their silos with (<c>Authentication:AdminKey</c>), and how clients send it.</summary>
public static class TestKeys
{
    /// <summary>The configured admin key.</summary>
    public const string Admin = "helpdesk-tests-admin-key-0123456789abcdef";

    /// <summary>The command-line setting that configures it.</summary>
    public const string Setting = $"--Authentication:AdminKey={Admin}";

    /// <summary>The settings of a test silo: the admin key, and an admin's rate far above what a test sends (tests drive whole centers as the admin).</summary>
    public static readonly string[] Settings = [Setting, "--RateLimits:Admin:PerSecond=1000000", "--RateLimits:Admin:Burst=1000000"];

    /// <summary>Sends <paramref name="key"/> (the admin key by default) with every request of <paramref name="client"/>.</summary>
    public static HttpClient WithKey(this HttpClient client, string key = Admin)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
