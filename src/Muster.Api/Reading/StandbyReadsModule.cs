using GraphQL.DI;
using Muster.Infrastructure.Reading;

namespace Muster.Api.Reading;

/// <summary>
/// Which HTTP requests read from a standby (<c>ConnectionStrings:MusterReads</c>): GraphQL query operations
/// (<see cref="StandbyRouting"/>) and the GET endpoints marked <see cref="TolerateLag{TBuilder}"/> (OGC features,
/// spreadsheet exports, map tiles). Everything else, and everything when no standby is configured, reads on the primary.
/// </summary>
public static class StandbyReadsModule
{
    public static IServiceCollection AddStandbyRouting(this IServiceCollection services) =>
        services.AddSingleton<IConfigureExecution, StandbyRouting>();

    /// <summary>Marks endpoints that only read and tolerate a fraction of a second of lag.</summary>
    public static TBuilder TolerateLag<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(LagTolerant.Instance);

    /// <summary>
    /// Before authentication (an API key is looked up with the request's query session): routes a marked endpoint's reads
    /// to the standby, and runs it again on the primary when it fails there before it has answered (it only reads).
    /// </summary>
    public static IApplicationBuilder UseStandbyReads(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var standby = http.RequestServices.GetRequiredService<StandbyReads>();
        if (!standby.IsConfigured || http.GetEndpoint()?.Metadata.GetMetadata<LagTolerant>() is null)
        {
            await next(http);
            return;
        }

        http.RequestServices.GetRequiredService<ReadRoute>().TolerateLag();
        try
        {
            await next(http);
        }
        catch (Exception e) when (e is not OperationCanceledException && !http.Response.HasStarted)
        {
            http.RequestServices.GetRequiredService<ILogger<StandbyRouting>>()
                .LogWarning("{Path} failed on the standby ({Reason}); answering it from the primary", http.Request.Path, e.GetBaseException().Message);
            standby.Forget();
            var services = http.RequestServices;
            await using var primary = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            primary.ServiceProvider.GetRequiredService<ReadRoute>().PinToPrimary();
            http.RequestServices = primary.ServiceProvider;
            try
            {
                await next(http);
            }
            finally
            {
                http.RequestServices = services;
            }
        }
    });

    private sealed class LagTolerant
    {
        public static readonly LagTolerant Instance = new();
    }
}
