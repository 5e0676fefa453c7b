using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Duty.OpenItems;
using Muster.Infrastructure;

namespace Muster.Drills;

/// <summary>The drill records of the real store; the host adds the worlds they run in (<see cref="IDrillWorlds"/>).</summary>
public static class DrillsModule
{
    private static StoreOptions ConfigureDrills(this StoreOptions options)
    {
        options.Projections.Add<DrillProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Drill>().Index(d => d.Status);
        return options;
    }

    public static IServiceCollection AddDrills(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(DrillOptions.Section).Get<DrillOptions>() ?? new DrillOptions());
        services.ConfigureMarten(options => options.ConfigureDrills());
        return services.AddHandlers(typeof(DrillsModule)).AddScoped<IOpenItemSource, DrillItems>();
    }
}
