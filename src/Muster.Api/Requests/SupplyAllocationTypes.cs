using GraphQL.Types;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Supplies;
using Muster.Depots;
using Muster.Requests;

namespace Muster.Api.Requests;

public sealed class SupplyAllocationType : ObjectGraphType<AllocatedStock>
{
    public SupplyAllocationType()
    {
        Name = "SupplyAllocation";
        Description = "Stock reserved for a request in one depot, and the depot's distance from the delivery point.";
        Field<DepotType>("depot").Description("Null when the depot is no longer visible to you (withdrawn from the shared pool since).")
            .Resolve(c => VisibleDepot(c.RequestServices!, Visibility.Viewer(c), c.Source.DepotId));
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.DistanceMeters, 1));
    }

    /// <summary>The depot through <see cref="DepotVisibility"/>: a partner never learns of another agency's private depot.</summary>
    public static global::GraphQL.DataLoader.IDataLoaderResult<Depot?> VisibleDepot(IServiceProvider services, Muster.Infrastructure.Actor viewer, Guid depotId) =>
        DepotNodeSource.Loader(services).Load(depotId).Then(d => d is not null && DepotVisibility.MaySee(viewer, d) ? d : null);
}

public sealed class SupplyShipmentType : ObjectGraphType<Shipment>
{
    public SupplyShipmentType()
    {
        Name = "SupplyShipment";
        Description = "The shipment of a request: vehicle, driver, when it left and when it should arrive, and what left which depot.";
        Field<NonNullGraphType<StringGraphType>>("vehicle").Description("Plate or call sign.").Resolve(c => c.Source.Vehicle);
        Field<NonNullGraphType<StringGraphType>>("driver").Resolve(c => c.Source.Driver);
        Field<NonNullGraphType<DateTimeScalar>>("expectedArrival").Resolve(c => c.Source.ExpectedArrival);
        Field<NonNullGraphType<DateTimeScalar>>("dispatchedAt").Resolve(c => c.Source.DispatchedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShippedStockType>>>>("items").Resolve(c => c.Source.Items);
    }
}

public sealed class ShippedStockType : ObjectGraphType<ShippedStock>
{
    public ShippedStockType()
    {
        Name = "ShippedStock";
        Description = "What left one depot for a request, lot by lot, first-expiring first.";
        Field<DepotType>("depot").Description("Null when the depot is no longer visible to you.")
            .Resolve(c => SupplyAllocationType.VisibleDepot(c.RequestServices!, Visibility.Viewer(c), c.Source.DepotId));
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LotType>>>>("lots")
            .Resolve(c => c.Source.Lots.Select(l => new Muster.Supplies.LotBalance(l.Lot, l.ExpiresOn, l.Quantity)).ToList());
    }
}
