using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Requests.Allocating;
using Muster.Requests.HoldTimeout;
using Quartz;

namespace Muster.Requests;

public static class RequestsModule
{
    private static StoreOptions ConfigureRequests(this StoreOptions options)
    {
        options.Projections.Add<SupplyRequestProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<SupplyRequest>().Index(r => r.AgencyId).Index(r => r.Status).Index(r => r.RequestedAt).Index(r => r.AllocatedAt);
        return options;
    }

    public static IServiceCollection AddRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(options => options.ConfigureRequests());
        var options = configuration.GetSection(RequestsOptions.Section).Get<RequestsOptions>() ?? new RequestsOptions();
        services.AddSingleton(options);
        services.AddScoped<StockCandidates>();
        services.AddSingleton<Allocator>();
        services.AddHandlers(typeof(RequestsModule));
        services.AddQuartz(quartz => quartz.ScheduleJob<ReleaseUnshippedHolds>(
            trigger => trigger.WithIdentity("release-unshipped-holds", "requests")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(options.HoldCheckInterval).RepeatForever()),
            job => job.WithIdentity(ReleaseUnshippedHolds.Key)));
        return services;
    }
}
