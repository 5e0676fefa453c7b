namespace Muster.Api.GraphQL.Idempotency;

public static class IdempotencyModule
{
    public static IServiceCollection AddMusterIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.Section));
        services.AddSingleton<IdempotencyKeys>();
        services.AddHostedService<ExpiredIdempotencyKeys>();
        return services;
    }

    /// <summary>After authentication (keys belong to the token's subject), before the GraphQL endpoint.</summary>
    public static IApplicationBuilder UseMusterIdempotency(this IApplicationBuilder app) =>
        app.UseMiddleware<IdempotencyMiddleware>();
}
