using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Transfers.Cancelling;
using Muster.Transfers.Receiving;
using Muster.Transfers.Shipping;
using Muster.Transfers.Starting;

namespace Muster.Transfers;

public static class TransfersModule
{
    public static StoreOptions ConfigureTransfers(this StoreOptions options)
    {
        options.Projections.Add<TransferProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Transfer>().Index(t => t.FromDepotId).Index(t => t.ToDepotId).Index(t => t.RequestedAt);
        return options;
    }

    public static IServiceCollection AddTransfers(this IServiceCollection services) =>
        services
            .AddScoped<TransferStockHandler>()
            .AddScoped<ShipTransferHandler>()
            .AddScoped<ReceiveTransferHandler>()
            .AddScoped<CancelTransferHandler>();
}
