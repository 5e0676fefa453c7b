using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Requests.Allocating;
using Muster.Requests.Approving;
using Muster.Requests.Cancelling;
using Muster.Requests.Delivering;
using Muster.Requests.Dispatching;
using Muster.Requests.HoldTimeout;
using Muster.Requests.Rejecting;
using Muster.Requests.Requesting;
using Quartz;

namespace Muster.Requests;

public static class RequestsModule
{
    public static StoreOptions ConfigureRequests(this StoreOptions options)
    {
        options.Projections.Add<SupplyRequestProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<SupplyRequest>().Index(r => r.AgencyId).Index(r => r.Status).Index(r => r.RequestedAt).Index(r => r.AllocatedAt);
        return options;
    }

    public static IServiceCollection AddRequests(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RequestsOptions.Section).Get<RequestsOptions>() ?? new RequestsOptions();
        services.AddSingleton(options);
        services.AddScoped<StockCandidates>();
        services.AddSingleton<AllocationGate>();
        services.AddScoped<RequestSuppliesHandler>();
        services.AddScoped<ApproveSupplyRequestHandler>();
        services.AddScoped<RejectSupplyRequestHandler>();
        services.AddScoped<AllocateSupplyRequestHandler>();
        services.AddScoped<DispatchShipmentHandler>();
        services.AddScoped<ConfirmDeliveryHandler>();
        services.AddScoped<CancelSupplyRequestHandler>();
        services.AddQuartz(quartz => quartz.ScheduleJob<ReleaseUnshippedHolds>(
            trigger => trigger.WithIdentity("release-unshipped-holds", "requests")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(options.HoldCheckInterval).RepeatForever()),
            job => job.WithIdentity(ReleaseUnshippedHolds.Key)));
        return services;
    }
}
