using Marten;
using Muster.Agencies;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.ApiKeys.Issuing;

public sealed record IssueApiKey(Guid AgencyId, string Name);

/// <summary>A key with its secret: the only moment the secret exists outside the caller's hands.</summary>
public sealed record IssuedApiKey(ApiKey ApiKey, string Secret);

public static class IssueApiKeyDecision
{
    public const int MaxNameLength = 200;

    public static Result<ApiKeyIssued> Decide(IssueApiKey command, bool agencyExists, Actor actor, Guid newId, string secretHash)
    {
        if (actor.Role != Role.Admin)
        {
            return new DomainError(ErrorCodes.Forbidden, "only an admin may issue API keys");
        }

        var name = command.Name.Trim();
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return DomainError.Validation($"name must have 1 to {MaxNameLength} characters", "name");
        }

        if (!agencyExists)
        {
            return DomainError.NotFound("no such agency", "agencyId");
        }

        return new ApiKeyIssued(newId, command.AgencyId, name, secretHash, actor.Subject);
    }
}

public sealed class IssueApiKeyHandler(EventWriter writer)
{
    public async Task<Result<IssuedApiKey>> Handle(IssueApiKey command, CancellationToken ct)
    {
        var secret = ApiKeySecret.New();
        var issued = await writer.StartAsync<ApiKey, ApiKeyIssued>(
            async (session, actor, token) => IssueApiKeyDecision.Decide(
                command, await session.LoadAsync<Agency>(command.AgencyId, token) is not null, actor, Guid.CreateVersion7(), ApiKeySecret.Hash(secret)),
            e => e.ApiKeyId, null, ct);
        return issued.Succeeded ? new IssuedApiKey(issued.Value!, secret) : Result<IssuedApiKey>.Fail(issued.Errors);
    }
}
