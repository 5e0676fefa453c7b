using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Infrastructure.Time;
using Muster.Spatial;
using Muster.Units.History;
using Muster.Units.Locating;
using Muster.Units.Staleness;
using Quartz;

namespace Muster.Units;

public static class UnitsModule
{
    private static StoreOptions ConfigureUnits(this StoreOptions options)
    {
        options.Projections.Add<UnitProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<UnitLocationsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<RescueUnit>().Index(u => u.AgencyId);
        return options;
    }

    public static IServiceCollection AddUnits(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(options => options.ConfigureUnits());
        services.Configure<ReportedTimes>(configuration.GetSection(ReportedTimes.Section));
        services.AddSingleton(configuration.GetSection(UnitFinderOptions.Section).Get<UnitFinderOptions>() ?? new UnitFinderOptions());
        services.AddSingleton(new EtaModel(configuration.GetSection(EtaOptions.Section).Get<EtaOptions>() ?? new EtaOptions()));
        services.AddHandlers(typeof(UnitsModule));
        services.AddReader<UnitFinder>();
        services.AddScoped<UnitHistory>();
        services.AddQuartz(quartz => quartz.ScheduleJob<MarkStalePositions>(
            trigger => trigger.WithIdentity("mark-stale-unit-positions", "units")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()),
            job => job.WithIdentity(MarkStalePositions.Key)));
        return services;
    }
}
