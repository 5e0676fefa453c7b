using System.Security.Cryptography;
using System.Text;

namespace Muster.Webhooks;

/// <summary>
/// Secrets and signatures as the Standard Webhooks specification has them (standardwebhooks.com), so that its
/// libraries verify Muster's deliveries: the secret is <c>whsec_</c> + base64 of random bytes, the signature
/// <c>v1,</c> + base64 of HMAC-SHA256 over <c>id.timestamp.body</c> keyed with the decoded bytes.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[Prefix.Length..]);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }
}
