using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Plans.Drilling;
using Quartz;

namespace Muster.Plans;

public static class PlansModule
{
    private static StoreOptions ConfigurePlans(this StoreOptions options)
    {
        options.Projections.Add<PlanProjection>(ProjectionLifecycle.Inline);
        return options;
    }

    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.ConfigureMarten(options => options.ConfigurePlans());
        services.AddHandlers(typeof(PlansModule)).AddScoped<DrillReminders>();
        services.AddQuartz(quartz => quartz.ScheduleJob<DrillReminders>(
            trigger => trigger.WithIdentity("drill-reminders", "plans")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromHours(6)).RepeatForever()),
            job => job.WithIdentity(DrillReminders.Key)));
        return services;
    }
}
