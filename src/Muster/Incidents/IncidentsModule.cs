using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Incidents.Closing;
using Muster.Incidents.Grading;
using Muster.Incidents.Reporting;

namespace Muster.Incidents;

public static class IncidentsModule
{
    public static StoreOptions ConfigureIncidents(this StoreOptions options)
    {
        options.Projections.Add<IncidentProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Incident>().Index(i => i.Status).Index(i => i.ReportedAt);
        return options;
    }

    public static IServiceCollection AddIncidents(this IServiceCollection services) =>
        services
            .AddScoped<ReportIncidentHandler>()
            .AddScoped<ChangeIncidentLevelHandler>()
            .AddScoped<CloseIncidentHandler>();
}
