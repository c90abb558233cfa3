namespace Helpdesk.Grains.Access;

/// <summary>Issues the cluster's first admin key once, however many silos start together.</summary>
[Alias("helpdesk.IFirstKeyGrain")]
public interface IFirstKeyGrain : IGrainWithStringKey
{
    /// <summary>The one key of the cluster.</summary>
    const string Cluster = "cluster";

    /// <summary>Creates the admin credential <paramref name="credentialId"/> if no first key was issued before; <see langword="false"/> when one was.</summary>
    [Alias("TryIssueAsync")]
    Task<bool> TryIssueAsync(string credentialId, byte[] secretHash);
}
