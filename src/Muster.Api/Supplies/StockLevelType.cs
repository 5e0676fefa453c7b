using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Muster.Api.Catalog;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Supplies;
using Muster.Supplies.Levels;

namespace Muster.Api.Supplies;

public sealed class StockLevelType : ObjectGraphType<StockLevel>
{
    public const string TypeName = "StockLevel";

    public StockLevelType()
    {
        Name = TypeName;
        Description = "One item in one depot (a stock line): on hand, reserved for requests and transfers, available to allocate, and on its way in.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is StockLevel;
        Field<NonNullGraphType<IdGraphType>>("id").Description("The stock line's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.StockLineId));
        Field<NonNullGraphType<DepotType>>("depot").Resolve(c => DepotNodeSource.Loader(c.RequestServices!).Load(c.Source.DepotId));
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<ItemType>>("item").Resolve(c => ItemNodeSource.ByCode(c.RequestServices!).Load(c.Source.ItemCode));
        Field<NonNullGraphType<IntGraphType>>("onHand").Description("On the shelf, reserved or not.").Resolve(c => c.Source.OnHand);
        Field<NonNullGraphType<IntGraphType>>("reserved").Description("Promised to requests and transfers, not yet issued.").Resolve(c => c.Source.Reserved);
        Field<NonNullGraphType<IntGraphType>>("available").Description("On hand minus reserved: what may still be allocated.").Resolve(c => c.Source.Available);
        Field<NonNullGraphType<IntGraphType>>("inTransit").Description("Shipped to this depot by transfers, not yet received.").Resolve(c => c.Source.InTransit);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LotType>>>>("lots")
            .Description("The lots on the shelf, first-expiring first (the order stock is issued in).")
            .Resolve(c => Lines(c.RequestServices!).Load(c.Source.StockLineId).Then(line =>
                (line?.Lots ?? []).OrderBy(l => l.ExpiresOn ?? DateOnly.MaxValue).ThenBy(l => l.Lot, StringComparer.Ordinal).ToList()));
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }

    private static BatchLoader<Guid, StockLine> Lines(IServiceProvider services) => DocumentLoader.For<StockLine>(services, l => l.Id);
}

public sealed class LotType : ObjectGraphType<LotBalance>
{
    public LotType()
    {
        Name = "Lot";
        Description = "How much of one lot is on the shelf, and when it expires.";
        Field<NonNullGraphType<StringGraphType>>("lot").Description("The lot (batch) number as received.").Resolve(c => c.Source.Lot);
        Field<DateScalar>("expiresOn").Description("Null when the item does not expire.").Resolve(c => c.Source.ExpiresOn);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
    }
}
