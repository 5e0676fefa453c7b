using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Muster.Api.Auth;

/// <summary>Signs HS256 tokens with the configured key: for development tokens and tests, never served by the API.</summary>
public sealed class TokenIssuer(AuthOptions auth, TimeProvider time)
{
    public string Issue(string subject, string role, string? agency, TimeSpan lifetime)
    {
        var claims = new List<Claim> { new(Claims.Subject, subject), new(Claims.Role, role) };
        if (agency is not null)
        {
            claims.Add(new Claim(Claims.Agency, agency));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            SigningCredentials = new SigningCredentials(AuthenticationSetup.SigningKey(auth), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
