using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure.Reading;
using Npgsql;

namespace Muster.Infrastructure;

/// <summary>Registers the read services whose SQL may go to a standby.</summary>
public static class ReadersModule
{
    /// <summary>
    /// A scoped reader (a finder, a list) built with the request's <see cref="ReadRoute.DataSource"/> as its
    /// <see cref="NpgsqlDataSource"/>: the standby pool in a lag-tolerant request, the primary otherwise (inside a
    /// mutation, a job, a drill). Only for classes that never write nor create temporary tables (a hot standby refuses both).
    /// </summary>
    public static IServiceCollection AddReader<TService, TImplementation>(this IServiceCollection services)
        where TService : class
        where TImplementation : TService
    {
        var create = ActivatorUtilities.CreateFactory<TImplementation>([typeof(NpgsqlDataSource)]);
        return services.AddScoped<TService>(provider => create(provider, [provider.GetRequiredService<ReadRoute>().DataSource]));
    }

    public static IServiceCollection AddReader<TService>(this IServiceCollection services)
        where TService : class => services.AddReader<TService, TService>();
}
