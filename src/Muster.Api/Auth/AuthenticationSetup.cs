using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Muster.Infrastructure;

namespace Muster.Api.Auth;

public static class AuthenticationSetup
{
    /// <summary>
    /// JWT bearer tokens from the Authorization header only — never cookies, so a browser cannot be made
    /// to send credentials on another site's behalf.
    /// </summary>
    public static IServiceCollection AddMusterAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(auth);
        services.AddHttpContextAccessor();
        services.AddScoped<IActorAccessor, HttpActorAccessor>();
        services.AddSingleton<TokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = Claims.Subject,
                    RoleClaimType = Claims.Role,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    ValidIssuer = auth.Issuer,
                    ValidateIssuer = auth.Issuer is not null,
                    ValidAudience = auth.Audience,
                    ValidateAudience = auth.Audience is not null,
                };

                if (!string.IsNullOrWhiteSpace(auth.Authority))
                {
                    options.Authority = auth.Authority;
                    options.TokenValidationParameters.ValidateIssuer = true;
                    return;
                }

                options.TokenValidationParameters.IssuerSigningKey = SigningKey(auth);
                options.TokenValidationParameters.ValidateIssuerSigningKey = true;
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            });
        services.AddAuthorization();
        return services;
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions auth)
    {
        if (string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            throw new InvalidOperationException(
                "Auth:SigningKey (or Auth:Authority) must be configured, e.g. the environment variable Auth__SigningKey; ./run.sh creates one.");
        }

        var bytes = Encoding.UTF8.GetBytes(auth.SigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes long for HS256.");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
