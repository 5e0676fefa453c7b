using System.Security.Cryptography;
using System.Text;

namespace Muster.ApiKeys;

/// <summary>
/// Secrets are 256 random bits, so a plain SHA-256 is enough to store them: there is nothing to guess that a
/// slow hash would protect (unlike a password).
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "mk_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
