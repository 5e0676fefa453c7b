using GraphQL.Types;
using Muster.Api.Catalog;
using Muster.Api.Depots;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Supplies;
using Muster.Supplies;
using Muster.Transfers;

namespace Muster.Api.Transfers;

public sealed class TransferType : ObjectGraphType<Transfer>
{
    public const string TypeName = "Transfer";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "transfer");

    public TransferType()
    {
        Name = TypeName;
        Description = "Stock moving between two depots (调拨): reserved at the source, in transit, received at the destination.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Transfer;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<TransferStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DepotType>>("from").Description("The source depot.").Resolve(c => DepotNodeSource.Loader(c.RequestServices!).Load(c.Source.FromDepotId));
        Field<NonNullGraphType<DepotType>>("to").Description("The destination depot.").Resolve(c => DepotNodeSource.Loader(c.RequestServices!).Load(c.Source.ToDepotId));
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<ItemType>>("item").Resolve(c => ItemNodeSource.ByCode(c.RequestServices!).Load(c.Source.ItemCode));
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("In the item's unit.").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LotType>>>>("lots")
            .Description("The lots shipped, first-expiring first, with their expiry; as received once received. Empty before shipping.")
            .Resolve(c => c.Source.Lots.Select(l => new LotBalance(l.Lot, l.ExpiresOn, l.Quantity)).ToList());
        Field<StringGraphType>("vehicle").Description("The vehicle it left on, once shipped.").Resolve(c => c.Source.Vehicle);
        Field<StringGraphType>("driver").Resolve(c => c.Source.Driver);
        Field<StringGraphType>("note").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<DateTimeScalar>>("requestedAt").Resolve(c => c.Source.RequestedAt);
        Field<DateTimeScalar>("shippedAt").Resolve(c => c.Source.ShippedAt);
        Field<DateTimeScalar>("receivedAt").Resolve(c => c.Source.ReceivedAt);
        Field<DateTimeScalar>("cancelledAt").Resolve(c => c.Source.CancelledAt);
        Field<StringGraphType>("cancelReason").Resolve(c => c.Source.CancelReason);
    }
}

public sealed class TransferStatusType : EnumerationGraphType<TransferStatus>
{
    public TransferStatusType()
    {
        Name = "TransferStatus";
        Description = "RESERVED at the source → IN_TRANSIT → RECEIVED at the destination; CANCELLED before shipping.";
    }
}
