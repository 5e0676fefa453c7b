namespace Muster.ApiKeys;

/// <summary>
/// A long-lived credential an admin issues to an agency for systems that cannot hold a bearer token (GIS
/// clients): it speaks for that agency as a partner would. Only the SHA-256 of its secret is kept.
/// </summary>
public sealed record ApiKey(
    Guid Id,
    Guid AgencyId,
    string Name,
    string SecretHash,
    string IssuedBy,
    DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}

public sealed record ApiKeyIssued(Guid ApiKeyId, Guid AgencyId, string Name, string SecretHash, string IssuedBy);

public sealed record ApiKeyRevoked(Guid ApiKeyId);

/// <summary>How a key follows from its events; pure.</summary>
public static class ApiKeyEvolution
{
    public static ApiKey Create(ApiKeyIssued e, DateTimeOffset at) => new(e.ApiKeyId, e.AgencyId, e.Name, e.SecretHash, e.IssuedBy, at, null);

    public static ApiKey Evolve(ApiKey key, ApiKeyRevoked e, DateTimeOffset at) => key with { RevokedAt = key.RevokedAt ?? at };
}
