using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>The contact id the API derives from an Idempotency-Key, so the final check finds a contact whose creation was never acknowledged.</summary>
/// <remarks>The README promises that the id follows from the key; the rule is checked against every receipt, and the run says so if it ever differs.</remarks>
internal static class ContactIds
{
    public static string For(string idempotencyKey) =>
        $"c-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24]}";
}
