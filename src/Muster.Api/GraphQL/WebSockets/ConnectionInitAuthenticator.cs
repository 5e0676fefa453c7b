using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>
/// Validates the bearer token of a <c>connection_init</c> payload — <c>{"Authorization": "Bearer …"}</c>
/// or <c>{"token": "…"}</c> — with the JWT bearer scheme's own handlers and parameters, exactly as HTTP does.
/// A browser cannot set headers on a WebSocket, and no cookie ever authenticates, so the upgrade request's
/// headers are not consulted.
/// </summary>
public sealed class ConnectionInitAuthenticator(IOptionsMonitor<JwtBearerOptions> schemes)
{
    public sealed record Caller(ClaimsPrincipal Principal, DateTimeOffset Expires);

    /// <summary>The caller, or null when the payload carries no valid token.</summary>
    public async Task<Caller?> AuthenticateAsync(JsonElement? payload, CancellationToken ct)
    {
        if (TokenOf(payload) is not { } token)
        {
            return null;
        }

        var options = schemes.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is { } authority)
        {
            var configuration = await authority.GetConfigurationAsync(ct);
            parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], configuration.Issuer];
            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. configuration.SigningKeys];
        }

        foreach (var handler in options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, parameters);
            if (result.IsValid)
            {
                return new Caller(new ClaimsPrincipal(result.ClaimsIdentity), new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
            }
        }

        return null;
    }

    private static string? TokenOf(JsonElement? payload)
    {
        if (payload is not { } fields)
        {
            return null;
        }

        foreach (var field in fields.EnumerateObject())
        {
            if (field.Value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var value = field.Value.GetString()!;
            if (field.NameEquals("token"))
            {
                return value;
            }

            if (field.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase)
                && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return value["Bearer ".Length..].Trim();
            }
        }

        return null;
    }
}
