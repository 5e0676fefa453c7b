using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Duty.OpenItems;
using Muster.Duty.Watching;
using Muster.Infrastructure;
using Quartz;

namespace Muster.Duty;

public static class DutyModule
{
    private static StoreOptions ConfigureDuty(this StoreOptions options)
    {
        options.Projections.Add<DutyRosterProjection>(ProjectionLifecycle.Inline);
        return options;
    }

    /// <summary>The duty roster: its projection, handlers, the watch (reminders, gaps) and the open items it knows of itself.</summary>
    public static IServiceCollection AddDuty(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DutyOptions.Section).Get<DutyOptions>() ?? new DutyOptions();
        services.ConfigureMarten(store => store.ConfigureDuty());
        services.AddSingleton(options);
        services.AddHandlers(typeof(DutyModule)).AddScoped<DutyWatch>();
        services.AddScoped<IOpenItemSource, OpenIncidents>().AddScoped<IOpenItemSource, RequestsInTransit>();
        services.AddQuartz(quartz => quartz.ScheduleJob<DutyWatch>(
            trigger => trigger.WithIdentity("duty-watch", "duty")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMinutes(Math.Max(1, options.WatchIntervalMinutes))).RepeatForever()),
            job => job.WithIdentity(DutyWatch.Key)));
        return services;
    }
}
