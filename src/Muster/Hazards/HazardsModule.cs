using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Duty.OpenItems;
using Muster.Hazards.Overdue;
using Muster.Infrastructure;
using Quartz;

namespace Muster.Hazards;

public static class HazardsModule
{
    private static StoreOptions ConfigureHazards(this StoreOptions options)
    {
        options.Projections.Add<HazardSiteProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<InspectionProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<HiddenDangerProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<HazardSite>().UniqueIndex(s => s.Name).Index(s => s.JurisdictionId);
        options.Schema.For<Inspection>().Index(i => i.SiteId);
        options.Schema.For<HiddenDanger>().Index(d => d.SiteId).Index(d => d.Deadline);
        return options;
    }

    /// <summary>How often the overdue job looks (<c>Hazards:OverdueCheckInterval</c>, default a minute).</summary>
    public const string OverdueCheckInterval = "Hazards:OverdueCheckInterval";

    public static IServiceCollection AddHazards(this IServiceCollection services, IConfiguration configuration)
    {
        var interval = configuration.GetValue(OverdueCheckInterval, TimeSpan.FromMinutes(1));
        services.ConfigureMarten(options => options.ConfigureHazards());
        services.AddHandlers(typeof(HazardsModule))
            .AddScoped<OverdueRectifications>()
            .AddScoped<IOpenItemSource, OverdueRectificationItems>();
        services.AddQuartz(quartz => quartz.ScheduleJob<OverdueRectifications>(
            trigger => trigger.WithIdentity("overdue-rectifications", "hazards")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()),
            job => job.WithIdentity(OverdueRectifications.Key)));
        return services;
    }
}
