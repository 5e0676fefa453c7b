using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
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
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (GlobalId.Of(GlobalId.Agency, (string)input["agencyId"]!) is not { } agencyId)
                {
                    return Payload.NotFound("agency", "agencyId");
                }

                var handler = context.RequestServices!.GetRequiredService<IssueApiKeyHandler>();
                return Payload.From(await handler.Handle(new IssueApiKey(agencyId, (string)input["name"]!), context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<RevokeApiKeyPayloadType>>("revokeApiKey")
            .Description("Revokes an API key at once: the next request with it is refused. Admin only.")
            .Argument<NonNullGraphType<RevokeApiKeyInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (GlobalId.Of(ApiKeyType.TypeName, (string)input["apiKeyId"]!) is not { } keyId)
                {
                    return new Payload(null, [ApiKeyErrors.NoSuchKey]);
                }

                var handler = context.RequestServices!.GetRequiredService<RevokeApiKeyHandler>();
                return Payload.From(await handler.Handle(new RevokeApiKey(keyId), context.CancellationToken));
            });
    }
}

public sealed class IssueApiKeyInputType : InputObjectGraphType
{
    public IssueApiKeyInputType()
    {
        Name = "IssueApiKeyInput";
        Field<NonNullGraphType<IdGraphType>>("agencyId").Description("The agency the key speaks for.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("What the key is for, e.g. 'QGIS at the fire brigade's duty room'.");
    }
}

public sealed class RevokeApiKeyInputType : InputObjectGraphType
{
    public RevokeApiKeyInputType()
    {
        Name = "RevokeApiKeyInput";
        Field<NonNullGraphType<IdGraphType>>("apiKeyId");
    }
}
