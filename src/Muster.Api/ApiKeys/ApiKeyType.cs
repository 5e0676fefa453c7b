using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.ApiKeys;
using Muster.ApiKeys.Issuing;
using Muster.Infrastructure;

namespace Muster.Api.ApiKeys;

public sealed class ApiKeyType : ObjectGraphType<ApiKey>
{
    public const string TypeName = "ApiKey";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "API key");

    public ApiKeyType()
    {
        Name = TypeName;
        Description = "A revocable credential of an agency for GIS clients (OGC API – Features); it sees what the agency's partner token would. The secret is never shown again.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<AgencyType>>("agency").Resolve(c => AgencyNodeSource.Loader(c.RequestServices!).Load(c.Source.AgencyId));
        Field<NonNullGraphType<DateTimeScalar>>("issuedAt").Resolve(c => c.Source.IssuedAt);
        Field<DateTimeScalar>("revokedAt").Description("Null while the key is accepted.").Resolve(c => c.Source.RevokedAt);
    }
}

/// <summary>The answer of issueApiKey: the key and, this once, its secret.</summary>
public sealed class IssueApiKeyPayloadType() : SecretPayloadType<ApiKeyType, IssuedApiKey>(
    "IssueApiKeyPayload", "apiKey", "The issued key and its secret (shown only here), or why nothing was issued.",
    "Send it as the X-Api-Key header or the api_key query parameter. Only its hash is stored: keep it now.",
    issued => issued.ApiKey, issued => issued.Secret);

public sealed class RevokeApiKeyPayloadType()
    : PayloadType<ApiKeyType>("RevokeApiKeyPayload", "apiKey", "The revoked key, or why nothing changed.");
