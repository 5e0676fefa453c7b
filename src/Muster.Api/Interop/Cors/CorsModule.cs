namespace Muster.Api.Interop.Cors;

/// <summary>
/// Browser clients of other origins: only the origins listed in <c>Cors:AllowedOrigins</c> (none by default) may call
/// the API from a page. Credentials are never allowed: the API reads bearer tokens and API keys, never cookies.
/// </summary>
public static class CorsModule
{
    public const string Section = "Cors:AllowedOrigins";

    public static IServiceCollection AddMusterCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
        return services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            policy.WithOrigins([.. origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/'))])
                .WithMethods("GET", "POST")
                .WithHeaders("Authorization", "Content-Type", "Accept", "Idempotency-Key", "X-Api-Key")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
    }

    public static IApplicationBuilder UseMusterCors(this IApplicationBuilder app) => app.UseCors();
}
