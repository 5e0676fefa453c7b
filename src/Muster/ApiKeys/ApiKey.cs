using JasperFx.Events;
using Muster.Infrastructure.Writing;

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
    DateTimeOffset? RevokedAt) : IAggregate<ApiKey>
{
    public static ApiKey? After(ApiKey? key, IEvent e) => (key, e.Data) switch
    {
        (_, ApiKeyIssued issued) => ApiKeyEvolution.Create(issued, e.Timestamp),
        (ApiKey current, ApiKeyRevoked revoked) => ApiKeyEvolution.Evolve(current, revoked, e.Timestamp),
        _ => key,
    };

    public bool Revoked => RevokedAt is not null;
}

/// <summary>How a key follows from its events; pure.</summary>
public static class ApiKeyEvolution
{
    public static ApiKey Create(ApiKeyIssued e, DateTimeOffset at) => new(e.ApiKeyId, e.AgencyId, e.Name, e.SecretHash, e.IssuedBy, at, null);

    public static ApiKey Evolve(ApiKey key, ApiKeyRevoked e, DateTimeOffset at) => key with { RevokedAt = key.RevokedAt ?? at };
}
