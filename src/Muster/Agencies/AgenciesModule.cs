using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;

namespace Muster.Agencies;

public static class AgenciesModule
{
    private static StoreOptions ConfigureAgencies(this StoreOptions options)
    {
        options.Projections.Add<AgencyProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Agency>().Index(a => a.Name);
        return options;
    }

    public static IServiceCollection AddAgencies(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.ConfigureAgencies())
            .AddHandlers(typeof(AgenciesModule));
}
