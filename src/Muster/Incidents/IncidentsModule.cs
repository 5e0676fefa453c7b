using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;

namespace Muster.Incidents;

public static class IncidentsModule
{
    private static StoreOptions ConfigureIncidents(this StoreOptions options)
    {
        options.Projections.Add<IncidentProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Incident>().Index(i => i.Status).Index(i => i.ReportedAt);
        return options;
    }

    public static IServiceCollection AddIncidents(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.ConfigureIncidents())
            .AddHandlers(typeof(IncidentsModule));
}
