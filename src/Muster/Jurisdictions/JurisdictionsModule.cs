using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Jurisdictions.Areas;

namespace Muster.Jurisdictions;

public static class JurisdictionsModule
{
    private static StoreOptions ConfigureJurisdictions(this StoreOptions options)
    {
        options.Projections.Add<JurisdictionProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<JurisdictionAreasProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Jurisdiction>().Index(j => j.ParentId).Index(j => j.AgencyId).Index(j => j.Name);
        return options;
    }

    public static IServiceCollection AddJurisdictions(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.ConfigureJurisdictions())
            .AddHandlers(typeof(JurisdictionsModule))
            .AddReader<IJurisdictionDirectory, JurisdictionDirectory>();
}
