using Marten;
using Muster.Agencies;
using Muster.Infrastructure;

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

public sealed class IssueApiKeyHandler(IDocumentSession session, IActorAccessor actors)
{
    public async Task<Result<IssuedApiKey>> Handle(IssueApiKey command, CancellationToken ct)
    {
        var agencyExists = await session.LoadAsync<Agency>(command.AgencyId, ct) is not null;
        var secret = ApiKeySecret.New();
        var decision = IssueApiKeyDecision.Decide(command, agencyExists, actors.Current ?? Actor.System, Guid.CreateVersion7(), ApiKeySecret.Hash(secret));
        if (!decision.Succeeded)
        {
            return Result<IssuedApiKey>.Fail(decision.Errors);
        }

        var issued = decision.Value!;
        session.Events.StartStream<ApiKey>(issued.ApiKeyId, issued);
        await session.SaveChangesAsync(ct);
        var key = await session.LoadAsync<ApiKey>(issued.ApiKeyId, ct);
        return new IssuedApiKey(key!, secret);
    }
}
