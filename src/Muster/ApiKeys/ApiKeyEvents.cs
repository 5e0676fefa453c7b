using Muster.Infrastructure.Writing;

namespace Muster.ApiKeys;

public sealed record ApiKeyIssued(Guid ApiKeyId, Guid AgencyId, string Name, string SecretHash, string IssuedBy) : IEventOf<ApiKey>;

public sealed record ApiKeyRevoked(Guid ApiKeyId) : IEventOf<ApiKey>;
