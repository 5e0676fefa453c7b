using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.ApiKeys.Revoking;

public sealed record RevokeApiKey(Guid ApiKeyId);

public static class RevokeApiKeyDecision
{
    public static Result<ApiKeyRevoked> Decide(ApiKey? key, Actor actor)
    {
        if (actor.Role != Role.Admin)
        {
            return new DomainError(ErrorCodes.Forbidden, "only an admin may revoke API keys");
        }

        if (key is null)
        {
            return DomainError.NotFound("no such API key", "apiKeyId");
        }

        return key.Revoked ? DomainError.InvalidState("the API key is already revoked", "apiKeyId") : new ApiKeyRevoked(key.Id);
    }
}

public sealed class RevokeApiKeyHandler(EventWriter writer)
{
    public Task<Result<ApiKey>> Handle(RevokeApiKey command, CancellationToken ct) =>
        writer.ChangeAsync<ApiKey, ApiKeyRevoked>(command.ApiKeyId, RevokeApiKeyDecision.Decide,
            DomainError.Conflict("the API key changed meanwhile; try again", "apiKeyId"), ct);
}
