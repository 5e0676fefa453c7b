using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Depots.Locating;

namespace Muster.Depots;

public static class DepotsModule
{
    private static StoreOptions ConfigureDepots(this StoreOptions options)
    {
        options.Projections.Add<DepotProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<DepotLocationsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Depot>().Index(d => d.AgencyId);
        return options;
    }

    public static IServiceCollection AddDepots(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.ConfigureDepots())
            .AddHandlers(typeof(DepotsModule))
            .AddReader<DepotFinder>();
}
