using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Depots.Closing;
using Muster.Depots.Locating;
using Muster.Depots.Pledging;
using Muster.Depots.Registering;
using Muster.Depots.Relocating;
using Muster.Depots.Withdrawing;

namespace Muster.Depots;

public static class DepotsModule
{
    public static StoreOptions ConfigureDepots(this StoreOptions options)
    {
        options.Projections.Add<DepotProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<DepotLocationsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Depot>().Index(d => d.AgencyId);
        return options;
    }

    public static IServiceCollection AddDepots(this IServiceCollection services) =>
        services
            .AddScoped<RegisterDepotHandler>()
            .AddScoped<RelocateDepotHandler>()
            .AddScoped<PledgeDepotHandler>()
            .AddScoped<WithdrawDepotHandler>()
            .AddScoped<CloseDepotHandler>()
            .AddScoped<DepotFinder>();
}
