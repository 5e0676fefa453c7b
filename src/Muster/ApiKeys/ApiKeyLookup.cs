using Marten;

namespace Muster.ApiKeys;

/// <summary>Finds the live key a presented secret belongs to; null for an unknown or revoked one.</summary>
public sealed class ApiKeyLookup(IQuerySession session)
{
    public const int MaxSecretLength = 200;

    public async Task<ApiKey?> FindAsync(string secret, CancellationToken ct)
    {
        if (secret.Length is 0 or > MaxSecretLength || !secret.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(secret);
        var key = await session.Query<ApiKey>().FirstOrDefaultAsync(k => k.SecretHash == hash, ct);
        return key is { Revoked: false } ? key : null;
    }
}
