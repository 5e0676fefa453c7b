using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;

namespace Muster.Transfers;

public static class TransfersModule
{
    private static StoreOptions ConfigureTransfers(this StoreOptions options)
    {
        options.Projections.Add<TransferProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Transfer>().Index(t => t.FromDepotId).Index(t => t.ToDepotId).Index(t => t.RequestedAt);
        return options;
    }

    public static IServiceCollection AddTransfers(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.ConfigureTransfers())
            .AddHandlers(typeof(TransfersModule));
}
