using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Muster.Experts.Locating;
using Muster.Spatial;

namespace Muster.Experts;

public static class ExpertsModule
{
    private static StoreOptions ConfigureExperts(this StoreOptions options)
    {
        options.Projections.Add<ExpertProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ExpertLocationsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Expert>().Index(e => e.AgencyId);
        return options;
    }

    public static IServiceCollection AddExperts(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(options => options.ConfigureExperts());
        // The ETA model is shared with units; whichever capability registers first provides it.
        services.TryAddSingleton(_ => new EtaModel(configuration.GetSection(EtaOptions.Section).Get<EtaOptions>() ?? new EtaOptions()));
        services.AddHandlers(typeof(ExpertsModule));
        services.AddReader<ExpertFinder>();
        return services;
    }
}
