using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Supplies.Expiring;
using Muster.Supplies.History;
using Muster.Supplies.Levels;
using Quartz;

namespace Muster.Supplies;

public static class SuppliesModule
{
    private static StoreOptions ConfigureSupplies(this StoreOptions options)
    {
        options.Projections.Add<StockLineProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<StockLevelsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<StockLine>().Index(s => s.DepotId).Index(s => s.ItemCode).Index(s => s.EarliestExpiry);
        return options;
    }

    public static IServiceCollection AddSupplies(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.ConfigureSupplies())
            .AddHandlers(typeof(SuppliesModule))
            .AddReader<StockLevels>()
            .AddScoped<StockHistory>()
            .AddScoped<ExpiringLots>();

    /// <summary>The daily lot-expiry sweep, scheduled by <see cref="ExpiryOptions"/>.</summary>
    public static IServiceCollection AddStockExpiry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ExpiryOptions.Section).Get<ExpiryOptions>() ?? new ExpiryOptions();
        options.WarningDays = configuration.GetValue(ExpiryOptions.WarningDaysKey, options.WarningDays);
        if (options.WarningDays is < 0 or > 3650)
        {
            throw new InvalidOperationException($"{ExpiryOptions.WarningDaysKey} must be between 0 and 3650, got {options.WarningDays}");
        }

        services.AddSingleton(options);
        services.AddScoped<SweepExpiringLots>();
        services.AddQuartz(quartz => quartz.ScheduleJob<SweepExpiringLots>(
            trigger =>
            {
                trigger.WithIdentity("sweep-expiring-lots", "supplies");
                if (options.Interval is { } interval)
                {
                    trigger.WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever());
                }
                else
                {
                    trigger.WithSchedule(CronScheduleBuilder.Create(options.Cron).InTimeZone(TimeZoneInfo.Utc));
                }
            },
            job => job.WithIdentity(SweepExpiringLots.Key)));
        return services;
    }
}
