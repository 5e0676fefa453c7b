using System.Security.Claims;
using Muster.Api.Auth;
using Muster.Api.GraphQL.Relay;
using Muster.ApiKeys;
using Muster.Infrastructure;

namespace Muster.Api.ApiKeys;

/// <summary>
/// Who calls an endpoint that GIS clients use: an API key (the <c>X-Api-Key</c> header or the <c>api_key</c> query
/// parameter, because such clients can set little else) acts as its agency's partner; otherwise the bearer token.
/// </summary>
public static class ApiKeyCaller
{
    public const string Header = "X-Api-Key";
    public const string QueryParameter = "api_key";
    public const string AuthenticationType = "ApiKey";

    /// <summary>The presented key, if any: the header wins over the query parameter.</summary>
    public static string? PresentedKey(HttpRequest request) =>
        request.Headers[Header].FirstOrDefault() is { Length: > 0 } header ? header
        : request.Query[QueryParameter].FirstOrDefault() is { Length: > 0 } query ? query
        : null;

    /// <summary>The caller, with the request's user replaced by the key's identity when a key was presented; or why not.</summary>
    public static async Task<(Actor? Actor, string? Refusal)> ResolveAsync(HttpContext http)
    {
        if (PresentedKey(http.Request) is { } secret)
        {
            var key = await http.RequestServices.GetRequiredService<ApiKeyLookup>().FindAsync(secret.Trim(), http.RequestAborted);
            if (key is null)
            {
                return (null, "the API key is unknown or revoked");
            }

            http.User = new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(Claims.Subject, "api-key:" + GlobalId.Encode(ApiKeyType.TypeName, key.Id)),
                    new Claim(Claims.Role, Roles.Partner),
                    new Claim(Claims.Agency, key.AgencyId.ToString()),
                ],
                AuthenticationType, Claims.Subject, Claims.Role));
        }

        return HttpActorAccessor.ActorOf(http.User) is { } actor
            ? (actor, null)
            : (null, $"an API key ({Header} header or {QueryParameter} parameter) or a bearer token is required");
    }
}
