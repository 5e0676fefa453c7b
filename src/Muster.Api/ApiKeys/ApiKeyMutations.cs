using GraphQL;
using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.ApiKeys.Issuing;
using Muster.ApiKeys.Revoking;
using Muster.Infrastructure;

namespace Muster.Api.ApiKeys;

public static class ApiKeyMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IssueApiKeyPayloadType>>("issueApiKey")
            .Description("Issues an API key that speaks for an agency as its partner token would (read-only OGC API – Features). Admin only.")
            .Argument<NonNullGraphType<IssueApiKeyInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin)
            .ResolveAsync(Mutation.On(AgencyType.Existing, i => i.AgencyId,
                (IssueApiKeyHandler keys, Guid agencyId, IssueApiKeyInput input, CancellationToken ct) => keys.Handle(new IssueApiKey(agencyId, input.Name), ct)));

        mutation.Field<NonNullGraphType<RevokeApiKeyPayloadType>>("revokeApiKey")
            .Description("Revokes an API key at once: the next request with it is refused. Admin only.")
            .Argument<NonNullGraphType<RevokeApiKeyInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin)
            .ResolveAsync(Mutation.On(ApiKeyType.Existing, i => i.ApiKeyId,
                (RevokeApiKeyHandler keys, Guid keyId, RevokeApiKeyInput _, CancellationToken ct) => keys.Handle(new RevokeApiKey(keyId), ct)));
    }
}

public sealed record IssueApiKeyInput(string AgencyId, string Name);

public sealed class IssueApiKeyInputType : InputObjectGraphType<IssueApiKeyInput>
{
    public IssueApiKeyInputType()
    {
        Name = "IssueApiKeyInput";
        Field<NonNullGraphType<IdGraphType>>("agencyId").Description("The agency the key speaks for.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("What the key is for, e.g. 'QGIS at the fire brigade's duty room'.");
    }
}

public sealed record RevokeApiKeyInput(string ApiKeyId);

public sealed class RevokeApiKeyInputType : InputObjectGraphType<RevokeApiKeyInput>
{
    public RevokeApiKeyInputType()
    {
        Name = "RevokeApiKeyInput";
        Field<NonNullGraphType<IdGraphType>>("apiKeyId");
    }
}
